/**
 * Whether something was done before a point of a RUN: earlier in that RUN, or in an earlier RUN of
 * its stage or of a stage it is built from (`FROM <stage>`), whose files it inherits.
 */
import type { InstructionNode, Stage } from '../model.js';
import type { TransformContext } from '../transform.js';
import type { ShellScript } from '../../shell/script.js';

/** `test(script, before)`: whether `script`, up to offset `before`, does the thing. */
export function doneBefore(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  before: number,
  test: (script: ShellScript, before: number) => boolean,
): boolean {
  if (test(script, before)) return true;
  const stages: Stage[] = [];
  for (let s = node.stage; s; s = s.parent) stages.push(s);
  return stages.some((stage) =>
    stage.instructions.some((run) => {
      if (run.keyword !== 'RUN' || (stage === node.stage && run.index >= node.index)) return false;
      const earlier = ctx.shell(run).script;
      return earlier !== null && test(earlier, earlier.end);
    }),
  );
}
