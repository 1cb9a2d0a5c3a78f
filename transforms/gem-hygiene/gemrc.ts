/**
 * A gemrc that already turns documentation off: written by an earlier RUN of the stage (or of a
 * stage it is built from), or earlier in this RUN, with `echo`/`printf` of `--no-document` (or
 * the older `--no-ri`/`--no-rdoc`) into a file named gemrc. `--no-document` would then change
 * nothing.
 */
import type { InstructionNode, Stage } from '../../src/core/model.js';
import type { TransformContext } from '../../src/core/transform.js';
import { commandsOf } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';

const NO_DOCS = /--no-(document|ri|rdoc)\b/;

export function gemrcDisablesDocs(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  before: number,
): boolean {
  if (writesGemrc(script, before)) return true;
  const stages: Stage[] = [];
  for (let s = node.stage; s; s = s.parent) stages.push(s);
  return stages.some((stage) =>
    stage.instructions.some((run) => {
      if (run.keyword !== 'RUN' || (stage === node.stage && run.index >= node.index)) return false;
      const earlier = ctx.shell(run).script;
      return earlier !== null && writesGemrc(earlier, earlier.end);
    }),
  );
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
