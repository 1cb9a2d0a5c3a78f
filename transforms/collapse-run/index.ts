import { defineTransform } from '../../src/core/transform.js';
import { planRunMerge } from '../../src/shell/merge.js';

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
      const instructions = stage.instructions;
      for (let i = 0; i + 1 < instructions.length; i++) {
        const [earlier, later] = [instructions[i], instructions[i + 1]];
        if (earlier.keyword !== 'RUN' || later.keyword !== 'RUN') continue;
        const plan = planRunMerge(ctx.model, earlier, later, ctx.shell, {
          wrapLeaks: ctx.options.wrapLeaks as boolean,
        });
        if (plan.ok) {
          const notes = plan.notes.length ? ` (${plan.notes.join('; ')})` : '';
          ctx.report({
            message: `merged two consecutive RUN instructions into one layer${notes}`,
            node: [earlier, later],
            fix: plan.edits,
          });
        } else {
          ctx.report({
            message: `consecutive RUN instructions left separate: ${plan.reason}`,
            node: [earlier, later],
          });
        }
      }
    }
  },
});
