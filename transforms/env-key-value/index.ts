import { dockerWords, isSingleDockerWord } from '../../src/core/docker-words.js';
import { argsText } from '../../src/core/model.js';
import { defineTransform } from '../../src/core/transform.js';

/** A key that means the same with or without Docker's word processing. */
const PLAIN_KEY = /^[^\s"'`$\\=]+$/;

export default defineTransform({
  meta: {
    id: 'env-key-value',
    title: 'Legacy `ENV key value` / `LABEL key value` → `key=value`',
    description:
      'The space-separated form is deprecated. The value is written after `=` as it was, or in double quotes when it contains blanks, so that Docker reads exactly the same value.',
    safety: 'safe',
    category: 'style',
    buildkit: ['LegacyKeyValueFormat'],
  },
  create(ctx) {
    for (const node of ctx.model.instructions) {
      if ((node.keyword !== 'ENV' && node.keyword !== 'LABEL') || !node.args) continue;
      const text = argsText(ctx.model, node);
      const words = dockerWords(text, ctx.model.escapeChar);
      if (words.length === 0 || words[0].text.includes('=')) continue; // key=value already
      const legacy = `legacy \`${node.keyword} key value\` left as is`;
      // Docker splits the legacy form at the first run of blanks, quotes or not.
      const split = /\s+/.exec(text);
      if (!split) continue; // `ENV key` alone: an error Docker reports, nothing to rewrite
      const key = text.slice(0, split.index);
      if (node.firstLine !== node.lastLine) {
        ctx.report({ message: `${legacy}: it spans several lines`, node });
        continue;
      }
      if (!PLAIN_KEY.test(key)) {
        ctx.report({
          message: `${legacy}: the key \`${key}\` has quotes, escapes or variables`,
          node,
        });
        continue;
      }
      const gapStart = node.args.start + split.index;
      const gapEnd = gapStart + split[0].length;
      const value = text.slice(split.index + split[0].length);
      if (isSingleDockerWord(value, ctx.model.escapeChar)) {
        ctx.report({
          message: `\`${node.keyword} ${key} …\` → \`${key}=…\` (the legacy form is deprecated)`,
          node,
          fix: [{ start: gapStart, end: gapEnd, text: '=' }],
        });
      } else if (!/["'`\\]/.test(value)) {
        ctx.report({
          message: `\`${node.keyword} ${key} …\` → \`${key}="…"\`: quoted, since the value has blanks`,
          node,
          fix: [
            { start: gapStart, end: gapEnd, text: '="' },
            { start: node.args.end, end: node.args.end, text: '"' },
          ],
        });
      } else {
        ctx.report({
          message: `${legacy}: the value mixes blanks with quotes or escapes, which would need re-quoting by hand`,
          node,
        });
      }
    }
  },
});
