import { continuationIndent, deletionOfLines } from '../../src/core/layout.js';
import type { Edit } from '../../src/core/edits.js';
import type { InstructionNode } from '../../src/core/model.js';
import { insertRunFlags } from '../../src/core/run-flags.js';
import { syntaxDirectiveReport } from '../../src/core/syntax-directive.js';
import { defineTransform, type TransformContext } from '../../src/core/transform.js';
import { consumedCopies, type ConsumedCopy } from '../../src/core/run/consumed-copy.js';
import { prependCommand } from '../../src/core/run/extend.js';
import { removeCommands, removeWord } from '../../src/core/run/remove.js';
import { fileUses } from './uses.js';
import { downloaderFor } from './downloader.js';

/** Instructions that neither read files nor change how the RUN sees them. */
const PASSIVE = new Set([
  'LABEL',
  'EXPOSE',
  'ENV',
  'ARG',
  'WORKDIR',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'CMD',
  'ENTRYPOINT',
  'MAINTAINER',
]);

export default defineTransform({
  meta: {
    id: 'fold-archive',
    title: 'Bind-mount (or download) a file that a RUN uses and deletes, instead of copying it',
    description:
      'A file brought in by COPY/ADD and deleted by the RUN that uses it (an archive extracted, a .deb installed) still ships in the COPY layer. The COPY goes; the RUN gets `--mount=type=bind,source=…,target=…` for a file from the build context, or downloads it itself (curl/wget) for `ADD <url>`. Unsafe: needs BuildKit, the mounted file is read-only, and the RUN then depends on the file without a layer of its own.',
    safety: 'unsafe',
    category: 'size',
  },
  create(ctx) {
    let mounted = false;
    for (const found of consumedCopies(ctx.model, ctx.shell)) {
      const plan = planFold(ctx, found);
      const at = `${found.copy.keyword} at line ${found.copy.firstLine + 1}`;
      if (typeof plan === 'string') {
        ctx.report({ message: `${at} left alone: ${plan}`, node: [found.copy, found.run] });
        continue;
      }
      const edits = [...plan.edits];
      if (plan.mount) mounted = true;
      const bytes = found.remote
        ? null
        : (ctx.buildContext?.size?.(contextPath(found.source)) ?? null);
      ctx.report({
        message: `${plan.what}: ${found.path} no longer ships in a layer of its own (${at} removed)${plan.note}`,
        node: [found.copy, found.run],
        fix: edits,
        ...(bytes !== null && bytes > 0
          ? {
              estimate: {
                bytes,
                basis: `size of ${contextPath(found.source)} in the build context`,
              },
            }
          : {}),
      });
    }
    const directive = mounted ? syntaxDirectiveReport(ctx.model) : null;
    if (directive) ctx.report(directive);
  },
});

interface Plan {
  edits: Edit[];
  what: string;
  note: string;
  mount: boolean;
}

function planFold(ctx: TransformContext, found: ConsumedCopy): Plan | string {
  const { copy, run, script } = found;
  const between = copy.stage!.instructions.filter(
    (n) => n.index > copy.index && n.index < run.index,
  );
  const busy = between.find((n) => !PASSIVE.has(n.keyword));
  if (busy)
    return `the ${busy.keyword} at line ${busy.firstLine + 1} runs between the copy and its use`;
  const uses = fileUses(script, found.path, found.rm, found.cwd);
  if (typeof uses === 'string') return uses;

  const edits: Edit[] = [deletionOfLines(ctx.model, lineStartOf(ctx, copy), copy)];
  if (found.remote) {
    if (copy.flags.length > 0)
      return `ADD ${copy.flags.map((f) => f.text).join(' ')} has no plain download equivalent`;
    const downloader = downloaderFor(ctx, run);
    if (!downloader) return 'neither curl nor wget is seen installed in this stage before the RUN';
    const command = downloader(found.source, found.path);
    const prepend = prependCommand(script, command);
    if (!prepend.ok) return prepend.reason;
    // In a RUN written over several lines, the download gets a line of its own.
    const indent = continuationIndent(ctx.model, run);
    const edit =
      indent === null
        ? prepend.edit
        : { ...prepend.edit, text: `${command} && ${ctx.model.escapeChar}\n${indent}` };
    return {
      edits: [...edits, edit],
      what: `the RUN at line ${run.firstLine + 1} downloads ${found.source} itself`,
      note: '; the download now happens in the RUN, with the same URL and no checksum (as ADD without --checksum)',
      mount: false,
    };
  }
  // A mount point cannot be deleted: the RUN's `rm` of the file goes.
  const rmWord = found.rmWord;
  if (!rmWord)
    return 'the file is deleted through a folder or pattern, which would fail on a mount';
  const operands = found.rm.args.filter((w) => !(w.value?.startsWith('-') ?? false));
  if (operands.length === 1) {
    const removal = removeCommands(script, [found.rm]);
    if (!removal.ok) return `its \`rm\` cannot be taken out (${removal.reason})`;
    edits.push(...removal.edits);
  } else {
    edits.push(removeWord(script, rmWord));
  }
  const from = copy.flags.find((f) => f.name === 'from');
  const other = copy.flags.filter((f) => f.name !== 'from');
  if (other.length > 0)
    return `${copy.keyword} ${other.map((f) => f.text).join(' ')}: a bind mount keeps the file's own owner and mode`;
  if (ctx.buildContext && !from && ctx.buildContext.isDirectory(contextPath(found.source)))
    return `${found.source} is a directory; a RUN may write into what it copied`;
  const options = [
    'type=bind',
    ...(from ? [`from=${from.value}`] : []),
    `source=${contextPath(found.source)}`,
    `target=${found.path}`,
    ...(uses.writes ? ['rw'] : []),
  ];
  const insert = insertRunFlags(ctx.model, run, [`--mount=${options.join(',')}`]);
  if (!insert) return 'the RUN has no command';
  return {
    edits: mergeAt(edits, insert),
    what: `bind-mounted ${found.source} into the RUN at line ${run.firstLine + 1}`,
    note: uses.writes
      ? ` (mounted rw, because the RUN changes the file's mode or owner; changes are discarded)`
      : '',
    mount: true,
  };
}

/** A removal that starts where the flags go takes the flags as its replacement text. */
function mergeAt(edits: Edit[], insert: Edit): Edit[] {
  const at = edits.find((e) => e.start === insert.start && e.end > e.start);
  if (!at) return [...edits, insert];
  return edits.map((e) => (e === at ? { ...e, text: insert.text + e.text } : e));
}

function lineStartOf(ctx: TransformContext, node: InstructionNode): number {
  return ctx.model.lines.lineStart(node.firstLine);
}

/** A COPY source as a path in the build context (`./dist/a.tgz`, `/dist/a.tgz` → `dist/a.tgz`). */
function contextPath(source: string): string {
  return source.replace(/^(\.\/|\/)+/, '');
}
