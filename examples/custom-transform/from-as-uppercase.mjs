// An example custom transform: `FROM image as build` → `FROM image AS build`.
// Load it with `dockopt --transform ./from-as-uppercase.mjs --enable from-as-uppercase .`
// or list it under `transforms:` in a config file. It is a style transform (off until enabled).
import { defineTransform } from 'dockopt';

export default defineTransform({
  meta: {
    id: 'from-as-uppercase',
    title: 'Upper-case AS in FROM',
    description: 'Writes the AS of `FROM image as name` in upper case, like the instruction.',
    safety: 'safe', // cannot change what the build does: the keyword is case-insensitive
    category: 'style', // style transforms are off unless enabled by name
    options: {
      keyword: { type: 'string', default: 'AS', description: 'How to write the keyword.' },
    },
  },
  create(ctx) {
    for (const stage of ctx.model.stages) {
      const from = stage.from;
      if (!from.args || stage.name === null) continue;
      // The arguments of FROM as written: `[--platform=…] image as name`.
      const text = ctx.model.text.slice(from.args.start, from.args.end);
      const match = /\s(as)\s+\S+\s*$/i.exec(text);
      if (!match || match[1] === ctx.options.keyword) continue;
      const start = from.args.start + match.index + 1;
      ctx.report({
        message: `wrote "${match[1]}" as "${ctx.options.keyword}"`,
        node: from,
        // A fix is a list of edits on the text, applied together or not at all.
        fix: [{ start, end: start + 2, text: String(ctx.options.keyword) }],
      });
    }
  },
});
