import type { Edit } from '../../src/core/edits.js';
import type { InstructionNode } from '../../src/core/model.js';
import { defineTransform, type TransformContext, shellRuns } from '../../src/core/transform.js';
import { planCleanup, toolInvocation } from '../../src/packages/hygiene.js';
import { firstNonBaseProgram, laterCommands } from '../../src/packages/later-commands.js';
import { isPipedInto } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';
import {
  decidesRecommends,
  hasZypperCacheMount,
  ZYPPER_CONFIRMING,
  ZYPPER_INSTALLING,
  zypperCacheRemovals,
  zypperCleansAll,
  zypperCommands,
  zypperNonInteractive,
  type ZypperCommand,
} from '../../src/packages/zypper.js';

/** Subcommands `--no-recommends` is added to (zypper documents it for both). */
const RECOMMENDING = new Set(['install', 'dist-upgrade']);

export default defineTransform({
  meta: {
    id: 'zypper-hygiene',
    title: 'zypper hygiene: -n, --no-recommends, and zypper clean -a in the RUN that installs',
    description:
      'Adds the global `-n` (non-interactive) to zypper commands that ask for confirmation, `--no-recommends` to installs, and appends `zypper clean -a` to the RUN that installs.',
    safety: 'safe',
    category: 'size',
    hadolint: ['DL3034', 'DL3036'],
    options: {
      noRecommends: {
        type: 'boolean',
        default: true,
        description:
          'Add --no-recommends to zypper install and dist-upgrade. Right for most images, but a build may have relied on a recommended package: the report says where it was added.',
      },
    },
  },
  create(ctx) {
    for (const { node, script } of shellRuns(ctx)) {
      const zyppers = zypperCommands(script);
      if (zyppers.length > 0) rewriteRun(ctx, node, script, zyppers);
    }
  },
});

function rewriteRun(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  zyppers: ZypperCommand[],
): void {
  const edits: Edit[] = [];
  const did: string[] = [];
  const notes: string[] = [];
  for (const z of zyppers) {
    const sub = z.subcommand;
    if (!z.sub || !sub || !z.cmd.nameWord) continue;
    if (ZYPPER_CONFIRMING.has(sub) && !zypperNonInteractive(z) && !isPipedInto(z.cmd.node)) {
      edits.push({ start: z.cmd.nameWord.end, end: z.cmd.nameWord.end, text: ' -n' });
      did.push(`added -n (non-interactive) to \`zypper ${sub}\``);
    }
    if (RECOMMENDING.has(sub) && ctx.options.noRecommends && !decidesRecommends(z)) {
      // No table says which programs openSUSE's recommended packages provide: where a later
      // command runs a program beyond the base system, what it needs cannot be told.
      const later = laterCommands(ctx.model, ctx.shell, node, script, z.cmd.node.end);
      const program = firstNonBaseProgram(
        later,
        z.packages.map((w) => w.value ?? ''),
      );
      if (program) {
        notes.push(
          `--no-recommends not added to \`zypper ${sub}\`: a later command runs ${program}, and which programs recommended packages provide is not known for zypper`,
        );
        continue;
      }
      edits.push({ start: z.sub.end, end: z.sub.end, text: ' --no-recommends' });
      did.push(
        `added --no-recommends to \`zypper ${sub}\` (recommended packages are no longer installed: check the build still has what it needs)`,
      );
    }
  }

  if (ctx.settings.cacheStrategy !== 'mounts') {
    const cleanup = cleanupFor(ctx, node, script, zyppers);
    if (typeof cleanup === 'string') notes.push(cleanup);
    else if (cleanup) {
      edits.push(cleanup.edit);
      did.push(`appended \`${cleanup.command}\``);
    }
  }

  if (edits.length > 0)
    ctx.report({ message: `zypper: ${[...new Set(did)].join('; ')}`, node, fix: edits });
  for (const note of notes) ctx.report({ message: note, node });
}

function cleanupFor(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  zyppers: ZypperCommand[],
): { edit: Edit; command: string } | string | null {
  const installs = zyppers.filter(
    (z) => z.subcommand !== null && ZYPPER_INSTALLING.has(z.subcommand),
  );
  if (installs.length === 0 || hasZypperCacheMount(node)) return null;
  const last = installs[installs.length - 1];
  const after = last.cmd.node.end;
  if (zypperCleansAll(script).some((z) => z.cmd.node.start > after)) return null;
  if (zypperCacheRemovals(script).some((rm) => rm.node.start > after)) return null;
  const tool = toolInvocation(last.cmd);
  if (!tool) return 'cache not removed: zypper is called by a relative or dynamic path';
  const plan = planCleanup(ctx.model, node, script, {
    installs: installs.map((z) => z.cmd),
    commands: [`${tool} clean -a`],
    tools: ['zypper'],
    packages: [],
    variables: [],
  });
  if (!plan.ok) return `cache not removed: ${plan.reason}`;
  return { edit: plan.edit, command: plan.command };
}
