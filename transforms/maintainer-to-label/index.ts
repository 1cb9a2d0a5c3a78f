import { Label } from 'dockerfile-ast';
import { keywordCasedAs, removeInstructionLines } from '../../src/core/layout.js';
import { argsText, type InstructionNode } from '../../src/core/model.js';
import { lineageOf } from '../../src/core/stages.js';
import { defineTransform } from '../../src/core/transform.js';

const AUTHORS = 'org.opencontainers.image.authors';

export default defineTransform({
  meta: {
    id: 'maintainer-to-label',
    title: 'MAINTAINER → LABEL org.opencontainers.image.authors',
    description:
      'MAINTAINER is deprecated. It is replaced, in place, by the OCI label that says the same thing, with its value quoted for LABEL (which expands `$` and removes quotes, unlike MAINTAINER).',
    safety: 'safe',
    category: 'practice',
    hadolint: ['DL4000'],
    buildkit: ['MaintainerDeprecated'],
  },
  create(ctx) {
    for (const node of ctx.model.instructions) {
      if (node.keyword !== 'MAINTAINER' || !node.stage) continue;
      const raw = argsText(ctx.model, node).trim();
      if (!raw) continue;
      if (node.firstLine !== node.lastLine) {
        ctx.report({ message: 'MAINTAINER left as is: it spans several lines', node });
        continue;
      }
      const value = unquoted(raw);
      if (value.includes('\\')) {
        // BuildKit versions disagree on `\\` inside a quoted LABEL value: no spelling is safe.
        ctx.report({ message: 'MAINTAINER left as is: its value has a backslash', node });
        continue;
      }
      const existing = authorsLabels(node);
      if (existing.some((v) => v !== value)) {
        ctx.report({
          message: `MAINTAINER left as is: the stage already sets ${AUTHORS} to another value`,
          node,
        });
        continue;
      }
      if (existing.length > 0) {
        ctx.report({
          message: `removed MAINTAINER: the stage already sets ${AUTHORS} to the same value`,
          node,
          fix: [removeInstructionLines(ctx.model, node)],
        });
        continue;
      }
      const label = `${AUTHORS}="${value.replace(/["$]/g, '\\$&')}"`;
      ctx.report({
        message: `MAINTAINER is deprecated: replaced by LABEL ${label}`,
        node,
        fix: [
          {
            start: node.start,
            end: node.start + node.keywordText.length,
            text: keywordCasedAs(node, 'LABEL'),
          },
          { start: node.args!.start, end: node.args!.end, text: label },
        ],
      });
    }
  },
});

/** `"Jane Doe <jane@example.com>"` → the text inside, when one pair of quotes wraps it all. */
function unquoted(raw: string): string {
  const q = raw[0];
  if (
    raw.length >= 2 &&
    (q === '"' || q === "'") &&
    raw.endsWith(q) &&
    !raw.slice(1, -1).includes(q)
  )
    return raw.slice(1, -1);
  return raw;
}

/** Values the same stage (or the stages it is built on) gives the authors label, literally. */
function authorsLabels(node: InstructionNode): string[] {
  const values: string[] = [];
  for (const stage of lineageOf(node.stage!)) {
    for (const other of stage.instructions) {
      if (other.keyword !== 'LABEL' || !(other.ast instanceof Label)) continue;
      for (const property of other.ast.getProperties())
        if (property.getName() === AUTHORS) values.push(property.getValue() ?? '');
    }
  }
  return values;
}
