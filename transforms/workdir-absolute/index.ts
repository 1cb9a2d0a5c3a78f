import { baseImageFacts } from '../../src/core/base-image.js';
import { argsText, type InstructionNode } from '../../src/core/model.js';
import { baseImageOf, lineageOf } from '../../src/core/stages.js';
import { defineTransform } from '../../src/core/transform.js';
import { cleanPath, workdirsOf, workdirValue } from '../../src/core/workdir.js';

export default defineTransform({
  meta: {
    id: 'workdir-absolute',
    title: 'Relative WORKDIR → absolute',
    description:
      'A relative WORKDIR depends on the one before it, possibly in the base image. Where that directory is known (an earlier absolute WORKDIR of the stage, or a known base image), the path is written out in full.',
    safety: 'safe',
    category: 'practice',
    hadolint: ['DL3000'],
    buildkit: ['WorkdirRelativePath'],
  },
  create(ctx) {
    const dirs = workdirsOf(ctx.model);
    for (const stage of ctx.model.stages) {
      for (const node of stage.instructions) {
        if (node.keyword !== 'WORKDIR' || !node.args) continue;
        const raw = argsText(ctx.model, node).trim();
        // Absolute, or a variable that may well hold an absolute path (hadolint accepts both).
        if (/^["']?[/$]/.test(raw)) continue;
        const refuse = (why: string) =>
          ctx.report({ message: `relative WORKDIR \`${raw}\` left as is: ${why}`, node });
        const value = workdirValue(ctx.model, node);
        if (value === null) {
          refuse('escapes, inner quotes or continuation lines would need Docker’s word processing');
          continue;
        }
        const current = dirs.before(node);
        if (current === null) {
          refuse(unknownBecause(node));
          continue;
        }
        const absolute = joinWorkdir(current, value);
        const quote = /^["']/.test(raw) ? raw[0] : '';
        if (absolute === null) {
          refuse('it has both `..` and variables, which only resolve when the build runs');
          continue;
        }
        ctx.report({
          message: `relative WORKDIR \`${raw}\` → \`${absolute}\` (relative to ${current}, the directory before it)`,
          node,
          fix: [{ start: node.args.start, end: node.args.end, text: quote + absolute + quote }],
        });
      }
    }
  },
});

/** `current` + `value`, cleaned as Docker does; variables (expanded later) are kept as written. */
function joinWorkdir(current: string, value: string): string | null {
  if (!value.includes('$')) return cleanPath(`${current}/${value}`);
  const segments = value.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return null;
  return `${current === '/' ? '' : current}/${segments.join('/')}`;
}

function unknownBecause(node: InstructionNode): string {
  const earlier = lineageOf(node.stage!)
    .flatMap((s) => s.instructions)
    .some((i) => i.keyword === 'WORKDIR' && i.index < node.index);
  if (earlier)
    return 'the directory before it is not known (an earlier WORKDIR uses variables or is itself relative to an unknown one)';
  return `the WORKDIR of the base image \`${baseImageFacts(baseImageOf(node.stage!)).name}\` is not known`;
}
