import type { Edit } from '../../src/core/edits.js';
import type { DockerfileModel, InstructionNode } from '../../src/core/model.js';
import { defineTransform, type TransformContext, shellRuns } from '../../src/core/transform.js';
import { rootImageOf } from '../../src/core/images.js';
import { appendCommand } from '../../src/core/run/extend.js';
import { userKindAt } from '../../src/core/stage-state.js';
import {
  APK_INDEX_READERS,
  APK_INSTALLERS,
  apkCommands,
  apkKnowsNoCache,
  cleansApkCache,
  hasApkCacheMount,
  usesNoCache,
  usesOwnCache,
  type ApkCommand,
} from '../../src/packages/apk.js';
import { laterInstructions, rootPrefixFor } from '../../src/packages/hygiene.js';
import { topLevelChain } from '../../src/shell/query.js';
import { deletionContinuesLine, ESCAPED_BLANK_BEFORE } from '../../src/core/run/remove.js';
import type { ShellScript } from '../../src/shell/script.js';

export default defineTransform({
  meta: {
    id: 'apk-hygiene',
    title: 'apk hygiene: --no-cache instead of a cached index',
    description:
      'Adds `--no-cache` to `apk add` and `apk upgrade`, so the package indexes are fetched for the command and never written to the layer, and drops an `apk update` that only served such commands. With `--cache-strategy mounts` it does nothing (cache-mounts handles caches then).',
    safety: 'safe',
    category: 'size',
    hadolint: ['DL3019'],
  },
  create(ctx) {
    if (ctx.settings.cacheStrategy === 'mounts') return;
    for (const { node, script } of shellRuns(ctx)) {
      const apks = apkCommands(script);
      if (apks.length > 0) rewriteRun(ctx, node, script, apks);
    }
  },
});

function rewriteRun(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  apks: ApkCommand[],
): void {
  const installers = apks.filter(
    (a) => a.subcommand !== null && APK_INSTALLERS.has(a.subcommand) && !usesNoCache(a),
  );
  if (hasApkCacheMount(node)) {
    if (installers.length > 0)
      ctx.report({
        message:
          'apk cache is a cache mount here: --no-cache not added (it would bypass the mount)',
        node,
      });
    return;
  }
  const edits: Edit[] = [];
  const did: string[] = [];
  const notes: string[] = [];
  const image = rootImageOf(node.stage!);
  // apk before Alpine 3.3 ignores --no-cache (with a warning): it then needs its `apk update`.
  const knowsNoCache = apkKnowsNoCache(image);
  const willUseNoCache = new Set(apks.filter(usesNoCache));
  for (const apk of knowsNoCache === false ? [] : installers) {
    if (usesOwnCache(apk)) {
      notes.push(
        `\`apk ${apk.subcommand}\` with --cache-dir or --no-network left alone: it chose how to use the cache`,
      );
      continue;
    }
    edits.push({ start: apk.sub!.end, end: apk.sub!.end, text: ' --no-cache' });
    did.push(`added --no-cache to \`apk ${apk.subcommand}\``);
    willUseNoCache.add(apk);
  }

  // An `apk update` that stays writes the indexes to /var/cache/apk: remove them at the end of the
  // RUN, unless a later RUN still reads them.
  let keptIndex = false;
  for (const update of apks.filter((a) => a.subcommand === 'update')) {
    const readers = readersServedBy(ctx, node, script, apks, update);
    if (readers === null) continue;
    // A later RUN reads the indexes unless it uses --no-cache where apk knows it.
    const laterReads = readers.some((r) =>
      r === 'later-ok' ? knowsNoCache !== true : !apks.includes(r),
    );
    const served = readers.every((r) => r === 'later-ok' || willUseNoCache.has(r));
    if (readers.length > 0 && served && knowsNoCache !== true) {
      notes.push(
        knowsNoCache === false
          ? `\`apk update\` kept: apk before Alpine 3.3 (${image}) does not know --no-cache`
          : `\`apk update\` kept: ${image || 'the base image'} is not known to be Alpine 3.3 or later, whose apk knows --no-cache`,
      );
    } else if (readers.length > 0 && served) {
      const removal = dropCommand(ctx.model, node, script, update);
      if (typeof removal !== 'string') {
        edits.push(removal);
        did.push(
          'dropped `apk update`: every apk command it served uses --no-cache, which fetches the indexes itself',
        );
        break;
      }
      // Kept for how it is written: leave it (a cleanup appended now would let a later pass drop
      // the update after all, and leave the cleanup behind with nothing to clean).
      notes.push(`\`apk update\` kept: ${removal}`);
      continue;
    }
    if (!laterReads) keptIndex = true;
  }
  if (keptIndex && !cleansApkCache(script)) {
    const cleanup = removeIndexes(ctx.model, node, script, apks);
    if (typeof cleanup === 'string') notes.push(cleanup);
    else {
      edits.push(cleanup.edit);
      did.push(`appended \`${cleanup.command}\` (the indexes \`apk update\` wrote)`);
    }
  }

  if (edits.length > 0)
    ctx.report({ message: `apk: ${[...new Set(did)].join('; ')}`, node, fix: edits });
  for (const note of notes) ctx.report({ message: note, node });
}

/** `rm -rf /var/cache/apk/*` at the end of the RUN, as the apk commands run; or why not. */
function removeIndexes(
  model: DockerfileModel,
  node: InstructionNode,
  script: ShellScript,
  apks: ApkCommand[],
): { edit: Edit; command: string } | string {
  const root = rootPrefixFor(
    apks.map((a) => a.cmd),
    'apk',
    userKindAt(node.stage!, node),
  );
  if ('reason' in root) return `apk indexes not removed: ${root.reason}`;
  const command = `${root.prefix}rm -rf /var/cache/apk/*`;
  const append = appendCommand(model, node, script, command);
  return append.ok ? { edit: append.edit, command } : `apk indexes not removed: ${append.reason}`;
}

/**
 * The index readers an `apk update` serves: later apk commands of its RUN (up to the next update),
 * then readers in later RUNs of the stage and of stages built from it (up to their own update).
 * Readers in later RUNs count as 'later-ok' when they already use --no-cache. Null when a later
 * instruction cannot be analysed (exec form, ONBUILD) and mentions apk.
 */
function readersServedBy(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  apks: ApkCommand[],
  update: ApkCommand,
): (ApkCommand | 'later-ok')[] | null {
  const served: (ApkCommand | 'later-ok')[] = [];
  const after = apks.filter((a) => a.cmd.node.start > update.cmd.node.start);
  for (const a of after) {
    if (a.subcommand === 'update') return served;
    if (a.subcommand === null || APK_INDEX_READERS.has(a.subcommand)) served.push(a);
  }
  for (const later of laterInstructions(ctx.model, node)) {
    if (later.keyword !== 'RUN' && later.keyword !== 'ONBUILD') continue;
    const { script: laterScript } = later.keyword === 'RUN' ? ctx.shell(later) : { script: null };
    if (!laterScript) {
      if (/\bapk\b/.test(ctx.model.text.slice(later.start, later.end))) return null;
      continue;
    }
    for (const a of apkCommands(laterScript)) {
      if (a.subcommand === 'update') break;
      if (a.subcommand !== null && !APK_INDEX_READERS.has(a.subcommand)) continue;
      if (a.subcommand === null || !usesNoCache(a)) return [...served, a];
      served.push('later-ok');
    }
  }
  return served;
}

/**
 * The edit that removes one top-level command and the operator joining it to its neighbour, or
 * why it cannot: nested in a list or pipeline, joined by `||`/`&`, or with a comment in between.
 * A RUN that is nothing but this command is removed as a whole.
 */
function dropCommand(
  model: DockerfileModel,
  node: InstructionNode,
  script: ShellScript,
  apk: ApkCommand,
): Edit | string {
  const chain = topLevelChain(script);
  const index = chain.findIndex((item) => item.node === apk.cmd.statement);
  if (index < 0) return 'it is not a top-level command of the RUN';
  const item = chain[index];
  const next = chain[index + 1];
  if (script.comment && script.comment.start < apk.cmd.node.start)
    return 'it sits after a shell comment';
  if (chain.some((c) => c.op === '&')) return 'the RUN runs a command in the background';
  if (item.op === '||' || next?.op === '||') return 'it is joined with `||`';
  if (chain.length === 1) return dropInstruction(model, node);
  const [start, end] = next
    ? [item.node.start, next.node.start]
    : [chain[index - 1].node.end, item.node.end];
  if (/\n[ \t]*#/.test(model.text.slice(start, end)))
    return 'a comment line sits next to it inside the RUN';
  if (deletionContinuesLine(model.text, start, end)) return ESCAPED_BLANK_BEFORE;
  return { start, end, text: '' };
}

/** Removes a whole instruction (its line or lines), unless comments directly above refer to it. */
function dropInstruction(model: DockerfileModel, node: InstructionNode): Edit | string {
  const commentAbove = model.comments.some(
    (c) => !c.insideInstruction && c.line === node.firstLine - 1,
  );
  if (commentAbove) return 'a comment directly above the RUN refers to it';
  const lineStart = model.lines.lineStart(node.firstLine);
  if (model.text.slice(lineStart, node.start).trim() !== '')
    return 'the RUN does not start its line';
  const lineEnd = model.lines.lineEnd(node.lastLine);
  if (lineEnd < model.text.length) return { start: lineStart, end: lineEnd + 1, text: '' };
  // Last line of a file without a final newline: take the newline before it instead.
  return { start: Math.max(0, lineStart - 1), end: lineEnd, text: '' };
}
