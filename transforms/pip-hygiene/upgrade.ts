/**
 * On a base whose packaged pip predates `--no-cache-dir` (pip 6.0), a pip that was replaced
 * before the command runs is a current one: `pip install -U pip`, `get-pip.py`, or
 * `easy_install pip`, earlier in the stage (or in a stage it is built from) or earlier in the RUN.
 */
import type { InstructionNode } from '../../src/core/model.js';
import type { TransformContext } from '../../src/core/transform.js';
import { doneBefore } from '../../src/core/run/earlier-runs.js';
import { pythonCommands } from '../../src/packages/pip.js';
import { commandsOf, hasOption } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';

export function pipReplacedBefore(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  offset: number,
): boolean {
  return doneBefore(ctx, node, script, offset, replacesPip);
}

function replacesPip(script: ShellScript, before: number): boolean {
  const upgrades = pythonCommands(script).some(
    (c) =>
      c.cmd.node.end <= before &&
      c.tool === 'pip' &&
      c.subcommand === 'install' &&
      hasOption(c.cmd, ['U'], ['upgrade', 'force-reinstall']) &&
      c.args.some((a) => a.value !== null && /^pip([=<>~!].*)?$/.test(a.value)),
  );
  if (upgrades) return true;
  return commandsOf(script).some(
    (c) =>
      c.node.end <= before &&
      (c.args.some((a) => /get-pip\.py/.test(a.text)) ||
        (/^easy_install/.test(c.name ?? '') && c.args.some((a) => a.value === 'pip'))),
  );
}
