/**
 * What `--no-install-recommends` would take from a later command of the stage, from the table of
 * the Debian and Ubuntu archives (src/data/recommends.json): `git` only recommends
 * openssh-client, so a later `git clone git@…` needs it named; `cmake` only recommends make.
 * Such packages are added to the install. Where a later command may build from source (pip, gem,
 * npm's node-gyp) and the install's recommends bring compilers or C headers, what it needs cannot
 * be told: the recommends stay for that install, and the report says why.
 */
import { rootImageOf } from '../../src/core/images.js';
import type { InstructionNode } from '../../src/core/model.js';
import type { TransformContext } from '../../src/core/transform.js';
import { releaseOfImage } from '../../src/data/image-releases.js';
import { knownReleases, lostWithoutRecommends } from '../../src/data/recommends.js';
import { packageName, type AptCommand } from '../../src/packages/apt.js';
import { laterCommands, programsRun } from '../../src/packages/later-commands.js';
import type { SimpleCommand } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';

/** Commands that may compile C code from source, and so need compilers and headers. */
const SOURCE_BUILDS: Readonly<Record<string, ReadonlySet<string>>> = {
  pip: new Set(['install', 'wheel', 'download']),
  pip3: new Set(['install', 'wheel', 'download']),
  gem: new Set(['install']),
  bundle: new Set(['install']),
  npm: new Set(['install', 'ci', 'i', 'rebuild']),
};
const COMPILERS = new Set(['gcc', 'g++', 'cc', 'make', 'x86_64-linux-gnu-gcc']);

export interface RecommendsNeed {
  /** Packages to name so that later commands keep their programs. */
  add: { pkg: string; program: string; recommendedBy: string }[];
  /** Why the recommends must stay for this install; null when the flag may be added. */
  keep: string | null;
}

export function recommendsNeed(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  apt: AptCommand,
): RecommendsNeed {
  const release = releaseFor(node);
  const later = laterCommands(ctx.model, ctx.shell, node, script, apt.cmd.node.end);
  const programs = new Set(later.flatMap(programsRun));
  const builds = later.filter(buildsFromSource);
  const add: RecommendsNeed['add'] = [];
  for (const word of apt.packages) {
    const pkg = packageName(word.value);
    if (!pkg) continue;
    const lost = lostWithoutRecommends(pkg, release);
    const compilers = [...lost.programs].filter(([program]) => COMPILERS.has(program));
    if (builds.length > 0 && (lost.headers.length > 0 || compilers.length > 0)) {
      const what = [...new Set([...lost.headers, ...compilers.map(([, p]) => p)])];
      return {
        add: [],
        keep: `recommended packages kept for this install: ${pkg} recommends ${what.join(', ')}, which \`${firstWords(builds[0])}\` may need to build from source`,
      };
    }
    for (const program of programs) {
      const needed = lost.programs.get(program);
      if (needed && !add.some((a) => a.pkg === needed))
        add.push({ pkg: needed, program, recommendedBy: pkg });
    }
  }
  return { add, keep: null };
}

/** The Debian or Ubuntu codename of the stage's base image, when the tables know it. */
function releaseFor(node: InstructionNode): string | null {
  const found = releaseOfImage(rootImageOf(node.stage!));
  if (!found?.release || (found.os !== 'debian' && found.os !== 'ubuntu')) return null;
  return knownReleases().some((r) => r.codename === found.release) ? found.release : null;
}

function buildsFromSource(cmd: SimpleCommand): boolean {
  const base = cmd.name?.split('/').pop() ?? '';
  const tool =
    /^python[\d.]*$/.test(base) && cmd.args[0]?.value === '-m' ? cmd.args[1]?.value : base;
  const words = /^python[\d.]*$/.test(base) ? cmd.args.slice(2) : cmd.args;
  const sub = words.find((w) => !w.value?.startsWith('-'))?.value;
  return !!tool && !!sub && (SOURCE_BUILDS[tool]?.has(sub) ?? false);
}

function firstWords(cmd: SimpleCommand): string {
  return [cmd.name, ...cmd.args.slice(0, 2).map((a) => a.text)].join(' ');
}
