import { defineTransform } from '../../src/core/transform.js';
import type { InstructionNode } from '../../src/core/model.js';
import { planRunChain } from '../../src/core/run/merge-chain.js';

export default defineTransform({
  meta: {
    id: 'collapse-run',
    title: 'Merge consecutive RUN instructions',
    description:
      'Each RUN adds a layer. Consecutive RUNs of a stage are joined with `&& \\` into one, keeping every command, its text and the comments between them; refused where joining could change what the build does.',
    safety: 'safe',
    category: 'size',
    hadolint: ['DL3059'],
    options: {
      wrapLeaks: {
        type: 'boolean',
        default: true,
        description:
          'Contain shell state that an earlier RUN leaves behind (cd, export, set...) in a subshell `( ... )` instead of refusing the merge.',
      },
    },
  },
  create(ctx) {
    for (const stage of ctx.model.stages) {
      // A whole run of consecutive RUNs is joined in one fix: pairwise, ten RUNs took four passes.
      for (const runs of consecutiveRuns(stage.instructions)) {
        const plan = planRunChain(ctx.model, runs, ctx.shell, {
          wrapLeaks: ctx.options.wrapLeaks as boolean,
          ignored: ctx.ignored,
        });
        for (const join of plan.joins) {
          const count = join.nodes.length === 2 ? 'two' : String(join.nodes.length);
          const notes = join.notes.length ? ` (${join.notes.join('; ')})` : '';
          ctx.report({
            message: `merged ${count} consecutive RUN instructions into one layer${notes}`,
            node: join.nodes,
            fix: join.edits,
          });
        }
        for (const { earlier, later, reason } of plan.refused)
          ctx.report({
            message: `consecutive RUN instructions left separate: ${reason}`,
            node: [earlier, later],
          });
      }
    }
  },
});

/** Maximal runs of two or more adjacent RUN instructions. */
function consecutiveRuns(instructions: readonly InstructionNode[]): InstructionNode[][] {
  const runs: InstructionNode[][] = [];
  let current: InstructionNode[] = [];
  for (const node of [...instructions, null]) {
    if (node?.keyword === 'RUN') {
      current.push(node);
      continue;
    }
    if (current.length > 1) runs.push(current);
    current = [];
  }
  return runs;
}
