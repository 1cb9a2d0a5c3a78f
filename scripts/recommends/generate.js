#!/usr/bin/env node
// Generates src/data/recommends.json: per release, for each package, the programs that only its
// Recommends bring (so `apt-get install --no-install-recommends` loses them) and the package to
// name to get them back. See README.md in this directory.
//
//   node scripts/recommends/generate.js [--out FILE] [--cache-dir DIR] [--releases a,b]
//                                       [--min-recommenders N]
//
// Mirrors: DOCKOPT_DEBIAN_MIRROR / DOCKOPT_UBUNTU_MIRROR, else this machine's apt sources.
import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { archiveCandidates, readAptSources } from './apt-sources.js';
import { fetchRelease } from './archive.js';
import { lostWithoutRecommends } from './closure.js';
import { readRelease } from './release.js';
import { leftOutForSection, selectRoots } from './select.js';
import { encodeTable, serializeTable } from './table.js';

/** The releases that common base images use, per distribution, and where their mirror comes from. */
const DISTRIBUTIONS = [
  {
    name: 'debian',
    origin: 'Debian',
    env: 'DOCKOPT_DEBIAN_MIRROR',
    releases: ['bullseye', 'bookworm', 'trixie'],
    // Official debian images enable main only.
    components: ['main'],
  },
  {
    name: 'ubuntu',
    origin: 'Ubuntu',
    env: 'DOCKOPT_UBUNTU_MIRROR',
    // The LTS releases in standard support; official ubuntu images enable all four components,
    // main and universe hold what Dockerfiles install.
    releases: ['jammy', 'noble', 'resolute'],
    components: ['main', 'universe'],
  },
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (line) => process.stderr.write(`${line}\n`);

/**
 * The distribution's main archive: the environment variable, else the first apt source whose
 * Release names the distribution as both Origin and Label (Debian's security archive says
 * `Label: Debian-Security`). Null when neither gives one.
 */
async function findMirror(distribution, candidates) {
  const fromEnv = process.env[distribution.env];
  if (fromEnv) return { uri: fromEnv.replace(/\/+$/, ''), from: distribution.env };
  for (const { uri, suite } of candidates) {
    let release = null;
    try {
      release = await fetchRelease(uri, suite);
    } catch (error) {
      log(`${uri} ${suite}: ${error.message}`);
    }
    const { Origin, Label } = release?.fields ?? {};
    if (Origin === distribution.origin && Label === distribution.origin)
      return { uri, from: 'apt sources' };
  }
  return null;
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: join(ROOT, 'src', 'data', 'recommends.json') },
      'cache-dir': {
        type: 'string',
        default: join(
          process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
          'dockopt-recommends',
        ),
      },
      releases: { type: 'string' },
      'min-recommenders': { type: 'string', default: '5' },
    },
  });
  const only = values.releases ? new Set(values.releases.split(',')) : null;
  const minRecommenders = Number(values['min-recommenders']);
  if (!Number.isInteger(minRecommenders) || minRecommenders < 1)
    throw new Error(`--min-recommenders: a positive integer, not ${values['min-recommenders']}`);
  const started = Date.now();
  const candidates = archiveCandidates(readAptSources());
  const sources = [];
  const releases = [];
  for (const distribution of DISTRIBUTIONS) {
    const wanted = distribution.releases.filter((r) => !only || only.has(r));
    if (wanted.length === 0) continue;
    const mirror = await findMirror(distribution, candidates);
    if (mirror === null) {
      log(`${distribution.name}: WARNING no mirror (set ${distribution.env}); not in the table`);
      continue;
    }
    log(`${distribution.name}: ${mirror.uri} (from ${mirror.from})`);
    sources.push({
      distribution: distribution.name,
      mirrorHost: new URL(mirror.uri).host,
      mirrorFrom: mirror.from,
      components: distribution.components,
      architecture: 'amd64',
    });
    for (const codename of wanted) {
      const { components } = distribution;
      const cacheDir = values['cache-dir'];
      const read = await readRelease({ mirror: mirror.uri, codename, components, cacheDir, log });
      if (read === null) {
        log(`${codename}: not served by ${mirror.uri}; skipped`);
        continue;
      }
      const losses = new Map();
      for (const name of read.archive.packages.keys()) {
        if (leftOutForSection(read.archive, name)) continue;
        const { roots } = lostWithoutRecommends(read.archive, name);
        if (roots.length > 0) losses.set(name, roots);
      }
      log(`${codename}: ${losses.size} packages lose something without recommends`);
      const info = { codename: read.info.codename, distribution: distribution.name, ...read.info };
      releases.push({ info, losses });
    }
  }
  const selected = selectRoots(
    new Map(releases.map(({ info, losses }) => [info.codename, losses])),
    minRecommenders,
  );
  for (const release of releases) {
    release.answers = selected.get(release.info.codename);
    const partial = [...release.answers.values()].filter((a) => a.partial).length;
    log(`${release.info.codename}: ${release.answers.size} listed, ${partial} of them partially`);
  }
  const table = encodeTable({
    header: {
      generated: new Date().toISOString().slice(0, 10),
      method:
        "For each package P: the packages P's own Recommends resolve to (apt's choice: an " +
        'installed alternative, else the first real package, else a provider of a virtual ' +
        "one), against the base system (Priority required, Essential, apt) and P's Depends " +
        'and Pre-Depends closure. For each, the programs (files in bin, sbin, usr/bin, ' +
        'usr/sbin, usr/games; name-<version> also counts as name when no package ships name) ' +
        'of the recommended package, or for a metapackage of what it depends on, less those ' +
        "the base and P's closure have; and whether it brings a -dev package with C headers. " +
        `Recommended packages that fewer than ${minRecommenders} packages recommend in every ` +
        'release are left out and P is marked partial. Packages in sections kernel and doc ' +
        'are not tabled. See scripts/recommends/README.md.',
      minRecommenders,
      sources,
    },
    releases,
  });
  const text = serializeTable(table);
  writeFileSync(values.out, text);
  log(
    `wrote ${values.out}: ${text.length} bytes, ${table.strings.length} strings, ` +
      `${table.lists.length} lists, ${table.results.length} results; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  log(`next: npx prettier --write ${values.out} (the repository's format check covers JSON)`);
}

await main();
