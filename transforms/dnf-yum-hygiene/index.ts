import type { Edit } from '../../src/core/edits.js';
import type { InstructionNode } from '../../src/core/model.js';
import { defineTransform, type TransformContext, shellRuns } from '../../src/core/transform.js';
import {
  instructionSnippet,
  laterInstructions,
  planCleanup,
  toolInvocation,
} from '../../src/packages/hygiene.js';
import { isPipedInto } from '../../src/shell/query.js';
import { firstNonBaseProgram, laterCommands } from '../../src/packages/later-commands.js';
import {
  decidesDocs,
  decidesWeakDeps,
  hasRpmCacheMount,
  RPM_CACHE_DIRS,
  RPM_CONFIRMING,
  RPM_INSTALLING,
  rpmAssumesYes,
  rpmCacheRemovals,
  rpmCleanAll,
  rpmCommands,
  usesCacheOnly,
  type RpmCommand,
} from '../../src/packages/rpm.js';
import type { ShellScript } from '../../src/shell/script.js';

/** Subcommands that install or replace packages: where docs and weak dependencies come in. */
const TRANSACTIONS = new Set([...RPM_INSTALLING].filter((s) => s !== 'makecache'));

export default defineTransform({
  meta: {
    id: 'dnf-yum-hygiene',
    title: 'yum/dnf/microdnf hygiene: -y, and the cache removed in the RUN that fills it',
    description:
      'Adds `-y` to yum and dnf commands that ask for confirmation, and appends `<tool> clean all && rm -rf /var/cache/<tool>` to the RUN that installs. Options add `--setopt=tsflags=nodocs` and, for dnf, `--setopt=install_weak_deps=False` (off by default: they change what gets installed).',
    safety: 'safe',
    category: 'size',
    hadolint: ['DL3030', 'DL3032', 'DL3038', 'DL3040'],
    options: {
      nodocs: {
        type: 'boolean',
        default: false,
        description:
          'Add --setopt=tsflags=nodocs to yum/dnf installs: no files marked as documentation (man pages, /usr/share/doc) are installed. Smaller, but a build or program that reads them breaks.',
      },
      noWeakDeps: {
        type: 'boolean',
        default: false,
        description:
          'Add --setopt=install_weak_deps=False to dnf installs: packages that are only recommended (weak dependencies) are not installed. Smaller, but something the build relied on may be missing.',
      },
    },
  },
  create(ctx) {
    for (const { node, script } of shellRuns(ctx)) {
      const rpms = rpmCommands(script);
      if (rpms.length > 0) rewriteRun(ctx, node, script, rpms);
    }
  },
});

function rewriteRun(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  rpms: RpmCommand[],
): void {
  const edits: Edit[] = [];
  const did: string[] = [];
  const notes: string[] = [];
  for (const rpm of rpms) {
    const sub = rpm.subcommand;
    if (!rpm.sub || !sub) continue;
    const flags: string[] = [];
    // microdnf before 3.6 rejects -y and later ones assume yes unless configured: left alone.
    if (
      rpm.tool !== 'microdnf' &&
      RPM_CONFIRMING.has(sub) &&
      !rpmAssumesYes(rpm) &&
      !isPipedInto(rpm.cmd.node)
    ) {
      flags.push('-y');
      did.push(`added -y to \`${rpm.tool} ${sub}\``);
    }
    if (TRANSACTIONS.has(sub) && rpm.tool !== 'microdnf') {
      if (ctx.options.nodocs && !decidesDocs(rpm)) {
        flags.push('--setopt=tsflags=nodocs');
        did.push(
          `added --setopt=tsflags=nodocs to \`${rpm.tool} ${sub}\` (no documentation files are installed)`,
        );
      }
      if (ctx.options.noWeakDeps && rpm.tool === 'dnf' && !decidesWeakDeps(rpm)) {
        // As for zypper's recommends: no table of what weak dependencies provide.
        const later = laterCommands(ctx.model, ctx.shell, node, script, rpm.cmd.node.end);
        const program = firstNonBaseProgram(
          later,
          rpm.packages.map((w) => w.value ?? ''),
        );
        if (program)
          notes.push(
            `--setopt=install_weak_deps=False not added to \`dnf ${sub}\`: a later command runs ${program}, and which programs weak dependencies provide is not known for dnf`,
          );
        else {
          flags.push('--setopt=install_weak_deps=False');
          did.push(
            `added --setopt=install_weak_deps=False to \`dnf ${sub}\` (weak dependencies are no longer installed: check the build still has what it needs)`,
          );
        }
      }
    }
    if (flags.length > 0)
      edits.push({ start: rpm.sub.end, end: rpm.sub.end, text: ` ${flags.join(' ')}` });
  }

  if (ctx.settings.cacheStrategy !== 'mounts') {
    const cleanup = cleanupFor(ctx, node, script, rpms);
    if (typeof cleanup === 'string') notes.push(cleanup);
    else if (cleanup) {
      edits.push(cleanup.edit);
      did.push(`appended \`${cleanup.command}\``);
    }
  }

  if (edits.length > 0) {
    const tools = [...new Set(rpms.map((r) => r.tool))].join('/');
    ctx.report({ message: `${tools}: ${[...new Set(did)].join('; ')}`, node, fix: edits });
  }
  for (const note of notes) ctx.report({ message: note, node });
}

/**
 * `clean all` and the removal of the cache directories at the end of an installing RUN, whatever
 * of the two is still missing after its last install; a string says why nothing is appended.
 */
function cleanupFor(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  rpms: RpmCommand[],
): { edit: Edit; command: string } | string | null {
  const installs = rpms.filter((r) => r.subcommand !== null && RPM_INSTALLING.has(r.subcommand));
  if (installs.length === 0 || hasRpmCacheMount(node)) return null;
  const last = installs[installs.length - 1];
  const after = last.cmd.node.end;
  if (rpmCacheRemovals(script).some((rm) => rm.node.start > after)) return null;
  const cleaned = rpmCleanAll(script).some((c) => c.cmd.node.start > after);

  const needsCache = laterInstructions(ctx.model, node).find((later) => {
    const laterScript = later.keyword === 'RUN' ? ctx.shell(later).script : null;
    return laterScript !== null && rpmCommands(laterScript).some(usesCacheOnly);
  });
  if (needsCache)
    return `cache not removed: a later RUN (${instructionSnippet(ctx.model, needsCache)}) installs from the cache only (-C/--cacheonly)`;

  const tool = toolInvocation(last.cmd);
  if (!tool) return `cache not removed: \`${last.tool}\` is called by a relative or dynamic path`;
  const dirs = [...new Set(installs.map((i) => RPM_CACHE_DIRS[i.tool]))];
  const commands = [...(cleaned ? [] : [`${tool} clean all`]), `rm -rf ${dirs.join(' ')}`];
  const plan = planCleanup(ctx.model, node, script, {
    installs: installs.map((i) => i.cmd),
    commands,
    tools: ['yum', 'dnf', 'microdnf'],
    packages: [],
    variables: [],
  });
  if (!plan.ok) return `cache not removed: ${plan.reason}`;
  return { edit: plan.edit, command: plan.command };
}
