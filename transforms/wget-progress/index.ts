import { baseImageFacts } from '../../src/core/base-image.js';
import type { Edit } from '../../src/core/edits.js';
import type { InstructionNode } from '../../src/core/model.js';
import { baseImageOf, lineageOf } from '../../src/core/stages.js';
import { defineTransform, type TransformContext, shellRuns } from '../../src/core/transform.js';
import { apkCommands } from '../../src/packages/apk.js';
import { aptCommands } from '../../src/packages/apt.js';
import { findCommands, type SimpleCommand } from '../../src/shell/query.js';
import { rpmCommands } from '../../src/packages/rpm.js';
import type { ShellScript } from '../../src/shell/script.js';
import { zypperCommands } from '../../src/packages/zypper.js';

const PROGRESS = '--progress=dot:giga';
/** GNU wget short options that take a value: in `-qO-` the `O` takes `-`. */
const SHORT_WITH_VALUE = new Set('aABDeiIloOPQRtTUwX');
/** Long options that already decide what wget logs (hadolint DL3047's list). */
const DECIDING_LONG = ['quiet', 'no-verbose', 'progress', 'output-file', 'append-output'];
/** Short options that do: quiet, log to a file, append to a file. */
const DECIDING_SHORT = new Set('qoa');

export default defineTransform({
  meta: {
    id: 'wget-progress',
    title: 'wget --progress=dot:giga',
    description:
      'GNU wget without a terminal prints a dot for every KB downloaded, bloating build logs. `--progress=dot:giga` prints one per MB. Only where wget is GNU wget: busybox wget (Alpine) rejects the option.',
    safety: 'safe',
    category: 'practice',
    hadolint: ['DL3047'],
  },
  create(ctx) {
    for (const { node, script } of shellRuns(ctx)) {
      const bare = findCommands(script, 'wget').filter((c) => !decidesLogging(c));
      if (bare.length === 0) continue;
      const gnu = gnuWget(ctx, node, script, bare[0]);
      if (gnu !== true) {
        ctx.report({ message: `wget left without ${PROGRESS}: ${gnu}`, node });
        continue;
      }
      const edits: Edit[] = bare.map((c) => ({
        start: c.nameWord!.end,
        end: c.nameWord!.end,
        text: ` ${PROGRESS}`,
      }));
      ctx.report({
        message: `added ${PROGRESS} to ${bare.length === 1 ? 'wget' : `${bare.length} wget commands`}: a dot per MB instead of per KB in the build log`,
        node,
        fix: edits,
      });
    }
  },
});

/** Whether the command already says how much wget logs (quiet, no-verbose, a progress style, a log file). */
function decidesLogging(cmd: SimpleCommand): boolean {
  return cmd.args.some((word) => {
    const value = word.value;
    if (!value || !value.startsWith('-') || value === '-') return false;
    if (value.startsWith('--'))
      return DECIDING_LONG.some((l) => value === `--${l}` || value.startsWith(`--${l}=`));
    if (value === '-nv') return true;
    if (value.startsWith('-n')) return false; // -nc, -nd, -nH, -np: other two-letter options
    for (const letter of value.slice(1)) {
      if (DECIDING_SHORT.has(letter)) return true;
      if (SHORT_WITH_VALUE.has(letter)) break; // the rest is that option's value
    }
    return false;
  });
}

/**
 * true when the stage's wget is GNU wget: a Debian- or RHEL-family base, or a package manager
 * installing `wget` earlier in the stage (Alpine's `apk add wget` replaces busybox's). Otherwise
 * the reason it may not be.
 */
function gnuWget(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  first: SimpleCommand,
): true | string {
  const earlier = lineageOf(node.stage!)
    .flatMap((s) => s.instructions)
    .filter((i) => i.keyword === 'RUN' && i.index < node.index);
  for (const run of earlier) {
    const prior = ctx.shell(run).script;
    if (prior && installsWget(prior, Infinity)) return true;
  }
  if (installsWget(script, first.node.start)) return true;
  const base = baseImageFacts(baseImageOf(node.stage!));
  if (base.family === 'debian' || base.family === 'rhel') return true;
  if (base.family === 'alpine' || base.family === 'busybox')
    return `the base image \`${base.name}\` has busybox wget, which rejects --progress (install the wget package to get GNU wget)`;
  return `the base image \`${base.name}\` is not known to have GNU wget (busybox wget rejects --progress)`;
}

/** A package manager installs `wget` in the script before `before`. */
function installsWget(script: ShellScript, before: number): boolean {
  const installs = [
    ...aptCommands(script).filter((c) => c.subcommand === 'install'),
    ...apkCommands(script).filter((c) => c.subcommand === 'add'),
    ...rpmCommands(script).filter((c) => c.subcommand === 'install'),
    ...zypperCommands(script).filter((c) => c.subcommand === 'install'),
  ];
  return installs.some(
    (c) =>
      c.cmd.node.start < before && c.packages.some((p) => /^wget([=<>:~].*)?$/.test(p.value ?? '')),
  );
}
