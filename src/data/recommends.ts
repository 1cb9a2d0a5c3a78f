/**
 * What `apt-get install --no-install-recommends P` leaves out: the programs that only P's
 * Recommends bring, each with the recommended package to name in the install to get it back, and
 * the recommended packages that bring C headers. Generated from the Debian and Ubuntu
 * archive indexes by scripts/recommends/generate.js (its README says how, and what it leaves out).
 *
 * The table (recommends.json, about half a megabyte) is read on first use only. It is read with
 * readFileSync next to this module: from src/ under ts-jest and from dist/src/data once built.
 * The type-only import below puts the JSON in the TypeScript program, which is what makes tsc
 * copy it to dist/ (tsc copies no other file), and lets tsc check its shape against `Table`;
 * nothing of it is imported at run time.
 */
import { readFileSync } from 'node:fs';
import type shipped from './recommends.json';

export interface RecommendsRelease {
  /** `bookworm`, `noble`: the key `release` arguments take. */
  codename: string;
  distribution: 'debian' | 'ubuntu';
  /** The Release file's Version (`12.12`, `24.04`), to map image tags to a codename. */
  version: string | null;
}

export interface RecommendsLoss {
  /** Program → the recommended package to name so that the install brings it. */
  programs: ReadonlyMap<string, string>;
  /**
   * Recommended packages that bring a development package with C headers (python3-dev,
   * build-essential's libc6-dev): what a source build (pip, gem, …) may need.
   */
  headers: readonly string[];
  /**
   * P also recommends packages the table leaves out (recommended by too few packages to be
   * listed, see scripts/recommends/select.js): programs may be lost that `programs` does not
   * name. A package absent from the table loses nothing, or only such left-out recommends, or
   * is a kernel or documentation package (not tabled, see select.js).
   */
  partial: boolean;
}

/** The JSON as the generator writes it (format 1; see scripts/recommends/table.js). */
interface Table {
  format: number;
  releases: { codename: string; distribution: string; version: string | null }[];
  strings: string[];
  lists: number[][];
  results: number[][][];
  entries: Record<string, number[]>;
}

interface Loaded {
  table: Table;
  releases: RecommendsRelease[];
  /** Per codename, built on first use: package → result index (bitwise-not when partial). */
  index: Map<string, Map<string, number>>;
}

let loaded: Loaded | null = null;

function load(): Loaded {
  if (loaded) return loaded;
  const text = readFileSync(new URL('./recommends.json', import.meta.url), 'utf8');
  // Typed as the shipped JSON, assigned to Table: tsc checks that the two agree.
  const table: Table = JSON.parse(text) as typeof shipped;
  if (table.format !== 1) throw new Error(`recommends.json: unknown format ${table.format}`);
  const releases = table.releases.map(({ codename, distribution, version }) => ({
    codename,
    distribution: distribution as RecommendsRelease['distribution'],
    version,
  }));
  loaded = { table, releases, index: new Map() };
  return loaded;
}

function indexOf(data: Loaded, codename: string): Map<string, number> | null {
  let byPackage = data.index.get(codename);
  if (byPackage) return byPackage;
  const flat = data.table.entries[codename];
  if (!flat) return null;
  byPackage = new Map();
  // Package indexes ascend, each written as the difference from the one before.
  let pkg = 0;
  for (let i = 0; i < flat.length; i += 2) {
    pkg += flat[i];
    byPackage.set(data.table.strings[pkg], flat[i + 1]);
  }
  data.index.set(codename, byPackage);
  return byPackage;
}

const NOTHING: RecommendsLoss = { programs: new Map(), headers: [], partial: false };

function lossIn(data: Loaded, pkg: string, codename: string): RecommendsLoss {
  const signed = indexOf(data, codename)?.get(pkg);
  if (signed === undefined) return NOTHING;
  const { strings, lists, results } = data.table;
  const [listIndexes, headerIndexes = []] = results[signed < 0 ? ~signed : signed];
  const programs = new Map<string, string>();
  for (const listIndex of listIndexes) {
    const [root, ...programIndexes] = lists[listIndex];
    for (const p of programIndexes)
      if (!programs.has(strings[p])) programs.set(strings[p], strings[root]);
  }
  return { programs, headers: headerIndexes.map((h) => strings[h]), partial: signed < 0 };
}

/** The releases the table covers, in the table's order (per distribution, oldest first). */
export function knownReleases(): readonly RecommendsRelease[] {
  return load().releases;
}

/**
 * What installing `pkg` without its recommends loses on `release` (a codename from
 * knownReleases). With `release` null (base unknown), or a release the table does not cover,
 * the union over all releases: more programs and headers, never fewer; where releases name
 * different packages for one program, the name most releases use wins (then the newest).
 */
export function lostWithoutRecommends(pkg: string, release: string | null): RecommendsLoss {
  const data = load();
  const name = pkg.toLowerCase();
  if (release !== null && indexOf(data, release)) return lossIn(data, name, release);
  const votes = new Map<string, Map<string, number>>();
  const headers = new Set<string>();
  let partial = false;
  for (const { codename } of [...data.releases].reverse()) {
    const loss = lossIn(data, name, codename);
    for (const [program, root] of loss.programs) {
      const byRoot = votes.get(program) ?? new Map<string, number>();
      byRoot.set(root, (byRoot.get(root) ?? 0) + 1);
      votes.set(program, byRoot);
    }
    loss.headers.forEach((h) => headers.add(h));
    partial ||= loss.partial;
  }
  const programs = new Map<string, string>();
  for (const [program, byRoot] of votes) {
    // Map order is insertion order, newest release first: a tie keeps the newest name.
    let best: [string, number] = ['', 0];
    for (const entry of byRoot) if (entry[1] > best[1]) best = entry;
    programs.set(program, best[0]);
  }
  return { programs, headers: [...headers].sort(), partial };
}

/** `lostWithoutRecommends(pkg, release).programs`: program → recommended package to name. */
export function programsLostWithoutRecommends(
  pkg: string,
  release: string | null,
): ReadonlyMap<string, string> {
  return lostWithoutRecommends(pkg, release).programs;
}

/** `lostWithoutRecommends(pkg, release).headers`: recommended packages that bring C headers. */
export function headersLostWithoutRecommends(
  pkg: string,
  release: string | null,
): readonly string[] {
  return lostWithoutRecommends(pkg, release).headers;
}
