import type { Edit } from '../../src/core/edits.js';
import type { InstructionNode } from '../../src/core/model.js';
import { defineTransform, type TransformContext, shellRuns } from '../../src/core/transform.js';
import {
  aptCommands,
  assumesYes,
  cleansAptLists,
  CONFIRMING_SUBCOMMANDS,
  createsManDir,
  decidesRecommends,
  hasAptListsCacheMount,
  JAVA_PACKAGE,
  LIST_READING_SUBCOMMANDS,
  LISTS_ESTIMATE,
  NEED_CA_CERTIFICATES,
  packageName,
  rootPrefix,
  updatesBeforeUse,
  type AptCommand,
  type RootPrefix,
} from '../../src/packages/apt.js';
import { appendCommand, prependCommand } from '../../src/core/run/extend.js';
import { planRunMerge } from '../../src/core/run/merge.js';
import { findCommands } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';
import { userKindAt } from '../../src/core/stage-state.js';
import { baseImageOf } from '../../src/core/stages.js';
import { laterListUser } from '../../src/packages/apt-lists.js';
import { recommendsNeed } from './recommends.js';

/** `apt <sub>` that means exactly `apt-get <sub>` (not `upgrade`: apt's also installs new packages). */
const APT_TO_APT_GET = new Set([
  'update',
  'install',
  'remove',
  'purge',
  'autoremove',
  'clean',
  'autoclean',
  'build-dep',
  'source',
  'download',
]);
/** Subcommands that download .deb files: `apt` deletes them afterwards, `apt-get` keeps them. */
const DOWNLOADING = new Set(['install', 'build-dep', 'download']);

export default defineTransform({
  meta: {
    id: 'apt-hygiene',
    title:
      'apt-get hygiene: update with install, -y, no recommends, lists removed in the same layer',
    description:
      'Puts `apt-get update` in the RUN that installs, adds `-y` and `--no-install-recommends`, removes /var/lib/apt/lists/* at the end of that RUN, and uses `apt-get` rather than `apt` in scripts.',
    safety: 'safe',
    category: 'size',
    hadolint: ['DL3009', 'DL3014', 'DL3015', 'DL3027'],
    options: {
      noInstallRecommends: {
        type: 'boolean',
        default: true,
        description:
          'Add --no-install-recommends. Right for most images, but a build may have relied on a recommended package: the report says where it was added.',
      },
    },
  },
  create(ctx) {
    for (const { node, script } of shellRuns(ctx)) {
      const apts = aptCommands(script);
      if (apts.length === 0) continue;
      if (mergeUpdateIntoInstall(ctx, node, script)) continue;
      rewriteRun(ctx, node, script, apts);
      const { users, served } = updatesBeforeUse(script);
      if (users.length > 0 && !served) {
        ctx.report({
          message:
            'installs without `apt-get update` in the same RUN: the package lists it uses come from an earlier layer and stay in the image',
          node,
        });
      }
    }
  },
});

/** An install RUN right after an update-only RUN: join them so the lists are fresh and removable. */
function mergeUpdateIntoInstall(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
): boolean {
  const { users, updates } = updatesBeforeUse(script);
  if (
    users.length === 0 ||
    (updates.length > 0 && updates[0].cmd.node.start < users[0].cmd.node.start)
  )
    return false;
  const previous = node.stage!.instructions.find((i) => i.index === node.index - 1);
  if (!previous || previous.keyword !== 'RUN') return false;
  const prior = ctx.shell(previous).script;
  if (!prior) return false;
  const priorApt = aptCommands(prior);
  const lastUpdate = priorApt.filter((c) => c.subcommand === 'update').pop();
  if (
    !lastUpdate ||
    priorApt.some((c) => c.subcommand === 'install' && c.cmd.node.start > lastUpdate.cmd.node.start)
  )
    return false;
  const plan = planRunMerge(ctx.model, previous, node, ctx.shell);
  if (plan.ok) {
    ctx.report({
      message:
        'moved `apt-get update` into the RUN that installs, so the package lists it fetches can be removed in the same layer',
      node: [previous, node],
      fix: plan.edits,
    });
  } else {
    ctx.report({
      message: `\`apt-get update\` stays in its own RUN: ${plan.reason}`,
      node: [previous, node],
    });
  }
  return true;
}

function rewriteRun(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  apts: AptCommand[],
): void {
  const edits: Edit[] = [];
  const did: string[] = [];
  const warnings: string[] = [];
  let convertedDownload = false;
  let prependJavaManDir = false;

  for (const apt of apts) {
    const sub = apt.subcommand;
    if (apt.tool === 'apt' && sub && APT_TO_APT_GET.has(sub) && apt.cmd.nameWord) {
      edits.push({ start: apt.cmd.nameWord.start, end: apt.cmd.nameWord.end, text: 'apt-get' });
      did.push(`\`apt ${sub}\` → \`apt-get ${sub}\``);
      if (DOWNLOADING.has(sub)) convertedDownload = true;
    }
    if (!apt.sub || !sub) continue;
    const flags: string[] = [];
    if (CONFIRMING_SUBCOMMANDS.has(sub) && !assumesYes(apt)) {
      flags.push('-y');
      did.push(`added -y to \`${sub}\``);
    }
    const need =
      sub === 'install' && ctx.options.noInstallRecommends && !decidesRecommends(apt)
        ? recommendsNeed(ctx, node, script, apt)
        : null;
    if (need?.keep) warnings.push(need.keep);
    if (need && !need.keep) {
      flags.push('--no-install-recommends');
      const names = apt.packages.map((w) => packageName(w.value));
      did.push(
        'added --no-install-recommends (recommended packages are no longer installed: check the build still has what it needs)',
      );
      // Packages the install must name now that recommends are off: one edit after the last.
      const named = new Set(apts.flatMap((a) => a.packages.map((w) => packageName(w.value))));
      const extra = need.add.filter((a) => !named.has(a.pkg));
      for (const a of extra)
        did.push(
          `added ${a.pkg}, which ${a.recommendedBy} only recommends but a later command runs ${a.program}`,
        );
      const needsCa = names.filter((n) => n && NEED_CA_CERTIFICATES.has(n));
      const addCa =
        needsCa.length > 0 &&
        !named.has('ca-certificates') &&
        !extra.some((a) => a.pkg === 'ca-certificates');
      if (addCa)
        did.push(
          `added ca-certificates, which ${needsCa.join('/')} only recommend but need for HTTPS`,
        );
      const added = [...extra.map((a) => a.pkg), ...(addCa ? ['ca-certificates'] : [])];
      if (added.length > 0 && apt.packages.length > 0) {
        const last = apt.packages[apt.packages.length - 1];
        edits.push({ start: last.end, end: last.end, text: ` ${added.join(' ')}` });
      }
      if (
        names.some((n) => n && JAVA_PACKAGE.test(n)) &&
        /slim/.test(baseImageOf(node.stage!)) &&
        !createsManDir(script)
      ) {
        prependJavaManDir = true;
      }
    }
    if (flags.length > 0)
      edits.push({ start: apt.sub.end, end: apt.sub.end, text: ` ${flags.join(' ')}` });
  }
  const root = rootPrefix(apts, userKindAt(node.stage!, node));
  if (prependJavaManDir) {
    const command = 'reason' in root ? null : `${root.prefix}mkdir -p /usr/share/man/man1`;
    const mkdir =
      command === null
        ? { ok: false as const, reason: (root as { reason: string }).reason }
        : prependCommand(script, command);
    if (mkdir.ok) {
      edits.push(mkdir.edit);
      did.push(`added \`${command}\` (OpenJDK fails to configure on slim bases without it)`);
    } else {
      warnings.push(`OpenJDK on a slim base needs /usr/share/man/man1, not added: ${mkdir.reason}`);
    }
  }

  const cleanup = cleanupFor(ctx, node, script, apts, convertedDownload, root);
  if (typeof cleanup === 'string') {
    warnings.push(cleanup);
  } else if (cleanup) {
    edits.push(cleanup.edit);
    did.push(cleanup.what);
  }
  if (convertedDownload && (!cleanup || typeof cleanup === 'string') && !cleansDownloads(script)) {
    // Without `apt-get clean`, apt-get would leave the .deb files that apt deleted: keep `apt`.
    const kept = apts.filter(
      (a) => a.tool === 'apt' && a.subcommand && DOWNLOADING.has(a.subcommand),
    );
    const keep = new Set(kept.map((a) => a.cmd.nameWord!.start));
    for (let i = edits.length - 1; i >= 0; i--)
      if (keep.has(edits[i].start) && edits[i].text === 'apt-get') edits.splice(i, 1);
    const names = [...new Set(kept.map((a) => `\`apt ${a.subcommand}\``))];
    const undone = new Set(
      kept.map((a) => `\`apt ${a.subcommand}\` → \`apt-get ${a.subcommand}\``),
    );
    for (let i = did.length - 1; i >= 0; i--) if (undone.has(did[i])) did.splice(i, 1);
    warnings.push(
      `${names.join(', ')} kept: apt-get keeps the downloaded .deb files that apt removes, and \`apt-get clean\` cannot be appended here`,
    );
  }

  if (edits.length > 0) {
    const estimate =
      typeof cleanup === 'object' && cleanup?.removesLists && LISTS_ESTIMATE.bytes > 0
        ? LISTS_ESTIMATE
        : undefined;
    ctx.report({
      message: `apt: ${[...new Set(did)].join('; ')}`,
      node,
      fix: edits,
      ...(estimate ? { estimate } : {}),
    });
  }
  for (const warning of warnings) ctx.report({ message: warning, node });
}

interface Cleanup {
  edit: Edit;
  what: string;
  removesLists: boolean;
}

/** The text appended at the end of the RUN, or a string saying why nothing can be, or null. */
function cleanupFor(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  apts: AptCommand[],
  convertedDownload: boolean,
  root: RootPrefix,
): Cleanup | string | null {
  // Under --cache-strategy mounts the caches are kept out of the layer by cache-mounts: removing
  // them here would empty the cache (the two strategies never mix in one RUN).
  if (ctx.settings.cacheStrategy === 'mounts') return null;
  const { served } = updatesBeforeUse(script);
  const installs = apts.some(
    (a) => a.subcommand !== null && LIST_READING_SUBCOMMANDS.has(a.subcommand),
  );
  let removeLists = installs && served && !cleansAptLists(script) && !hasAptListsCacheMount(node);
  const clean = convertedDownload && !cleansDownloads(script);
  if (!removeLists && !clean) return null;
  if (removeLists) {
    const user = laterListUser(ctx.model, node, ctx.shell);
    if (user) {
      if (!clean)
        return `package lists not removed: a later RUN (${snippet(ctx, user)}) installs without its own \`apt-get update\` and still needs them`;
      removeLists = false;
    }
  }
  // Both need root: they run as the apt commands do (the same `sudo`), or not at all.
  if ('reason' in root)
    return `${removeLists ? 'package lists not removed' : '`apt-get clean` not appended'}: ${root.reason}`;
  const commands = [
    clean ? `${root.prefix}apt-get clean` : null,
    removeLists ? `${root.prefix}rm -rf /var/lib/apt/lists/*` : null,
  ]
    .filter(Boolean)
    .join(' && ');
  const append = appendCommand(ctx.model, node, script, commands);
  if (!append.ok) return removeLists ? `package lists not removed: ${append.reason}` : null;
  return { edit: append.edit, what: `appended \`${commands}\``, removesLists: removeLists };
}

function snippet(ctx: TransformContext, node: InstructionNode): string {
  const text = ctx.model.text.slice(node.start, node.end).split('\n')[0];
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

function cleansDownloads(script: ShellScript): boolean {
  const cleans = [...findCommands(script, 'apt-get'), ...findCommands(script, 'apt')].some((c) =>
    c.args.some((a) => a.value === 'clean'),
  );
  const removes = findCommands(script, 'rm').some((rm) =>
    rm.args.some((a) => a.text.includes('/var/cache/apt')),
  );
  return cleans || removes;
}
