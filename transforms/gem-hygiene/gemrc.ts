/**
 * A gemrc that already turns documentation off: written by an earlier RUN of the stage (or of a
 * stage it is built from), or earlier in this RUN, with `echo`/`printf` of `--no-document` (or
 * the older `--no-ri`/`--no-rdoc`) into a file named gemrc. `--no-document` would then change
 * nothing.
 */
import type { InstructionNode } from '../../src/core/model.js';
import type { TransformContext } from '../../src/core/transform.js';
import { doneBefore } from '../../src/core/run/earlier-runs.js';
import { commandsOf } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';

const NO_DOCS = /--no-(document|ri|rdoc)\b/;

export function gemrcDisablesDocs(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  before: number,
): boolean {
  return doneBefore(ctx, node, script, before, writesGemrc);
}

function writesGemrc(script: ShellScript, before: number): boolean {
  if (!script.source.slice(script.start, before).includes('gemrc')) return false;
  return commandsOf(script).some(
    (c) =>
      c.node.start < before &&
      (c.name === 'echo' || c.name === 'printf') &&
      c.args.some((a) => NO_DOCS.test(a.text)),
  );
}
