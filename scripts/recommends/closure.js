/**
 * What `apt-get install --no-install-recommends P` leaves out compared with `apt-get install P`,
 * computed from one release's Packages and Contents indexes.
 *
 * apt installs P's Depends and Pre-Depends closure either way. With recommends on, it also
 * installs P's Recommends, each with its own Depends closure. Each recommended package (a
 * "root") is what to name in the install to get its programs back. (apt also installs the
 * Recommends of P's dependencies and of the roots; the README says why the table leaves them.)
 *
 * The base system (Priority required or Essential packages, plus apt, with their Depends) is
 * treated as installed: a Docker base image has it, so its programs are never lost.
 */
import { parseRelations } from './indexes.js';

const PRIORITY_RANK = { required: 0, important: 1, standard: 2, optional: 3, extra: 4 };
const HOST_ARCH = 'amd64';

/**
 * Indexes the stanzas of one release (see `createStanzaReader`) and what Contents says of each
 * package: `programsByPackage` (package → program names) and `headerPackages` (the packages that
 * ship C headers). Where a Packages file lists a name twice (old and new linux-doc, say), the
 * first stanza is kept.
 */
export function createArchive(stanzas, programsByPackage = new Map(), headerPackages = new Set()) {
  const packages = new Map();
  const providers = new Map();
  for (const stanza of stanzas) {
    const name = stanza.Package;
    if (!name || packages.has(name)) continue;
    packages.set(name, {
      name,
      rank: PRIORITY_RANK[stanza.Priority] ?? 5,
      // `universe/kernel` → `kernel`.
      section: (stanza.Section ?? '').slice((stanza.Section ?? '').lastIndexOf('/') + 1),
      base: stanza.Priority === 'required' || stanza.Essential === 'yes',
      depends: [...parseRelations(stanza['Pre-Depends']), ...parseRelations(stanza.Depends)],
      recommends: parseRelations(stanza.Recommends),
    });
    for (const group of parseRelations(stanza.Provides))
      for (const { name: virtual } of group) {
        const list = providers.get(virtual) ?? [];
        list.push(name);
        providers.set(virtual, list);
      }
  }
  // A virtual name's providers in the order a choice between them is made (see resolveGroup).
  for (const list of providers.values())
    list.sort((a, b) => packages.get(a).rank - packages.get(b).rank || (a < b ? -1 : 1));
  const archive = {
    packages,
    providers,
    programs: programsByPackage,
    headers: headerPackages,
    base: new Set(),
    resolved: new Map(),
  };
  const seeds = [...packages.values()].filter((p) => p.base).map((p) => p.name);
  if (packages.has('apt')) seeds.push('apt');
  archive.base = dependsClosure(archive, seeds, new Set());
  archive.resolved.clear(); // resolutions made while the base was being built assumed no base
  return archive;
}

/** An alternative apt can install on the host: no qualifier, `:any`, `:native` or the host's. */
function onHost(alternative) {
  const { arch } = alternative;
  return arch === null || arch === 'any' || arch === 'native' || arch === HOST_ARCH;
}

function satisfiedBy(archive, alternative, installed) {
  if (installed.has(alternative.name)) return true;
  return (archive.providers.get(alternative.name) ?? []).some((p) => installed.has(p));
}

/**
 * The package apt installs for one relation group, or null when the installed set already
 * satisfies it or no alternative exists in this archive. Like apt: an alternative already
 * installed wins; otherwise the first alternative that is a real package, or else a virtual one
 * with providers. Version constraints are not checked (each index holds one version per name).
 */
export function resolveGroup(archive, group, installed = archive.base) {
  const usable = group.filter(onHost);
  if (usable.some((alternative) => satisfiedBy(archive, alternative, installed))) return null;
  for (const { name } of usable) {
    if (archive.packages.has(name)) return name;
    const providers = archive.providers.get(name);
    // Several providers: apt asks on the command line and scores them inside a dependency.
    // Taken here: the first in createArchive's order (best Priority, then name), a stable choice.
    if (providers && providers.length > 0) return providers[0];
  }
  return null;
}

/**
 * The packages one package's Depends and Pre-Depends make apt install on the base, memoized. apt
 * would also take an alternative that another package of the same install already brings; that
 * context is not modelled for Depends (it only changes which of two providers is counted).
 */
function resolvedDepends(archive, name) {
  let list = archive.resolved.get(name);
  if (list === undefined) {
    list = [];
    for (const group of archive.packages.get(name)?.depends ?? []) {
      const chosen = resolveGroup(archive, group, archive.base);
      if (chosen !== null && !list.includes(chosen)) list.push(chosen);
    }
    archive.resolved.set(name, list);
  }
  return list;
}

/**
 * Breadth-first Depends closure of `seeds`, not entering `stop` (what is already installed or
 * already counted). Returns the packages in the order reached.
 */
export function dependsClosure(archive, seeds, stop = archive.base) {
  const reached = new Set();
  const queue = [];
  for (const seed of seeds)
    if (archive.packages.has(seed) && !stop.has(seed) && !reached.has(seed)) {
      reached.add(seed);
      queue.push(seed);
    }
  for (let i = 0; i < queue.length; i++)
    for (const next of resolvedDepends(archive, queue[i]))
      if (!stop.has(next) && !reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
  return reached;
}

/**
 * For an installed package `name`, what its Recommends bring that the base and its Depends
 * closure do not: `roots` are the recommended packages to name in an install, in the order of
 * the Recommends field, each with the programs it brings (see programBearers), less those
 * already present and those an earlier root brings, and `dev`: whether it brings a development
 * package (`*-dev`) with C headers (files under usr/include) that the install lacks, which a
 * source build may need (make or sudo ship a header too, but are not -dev packages). A root that
 * brings neither is left out. Null when the archive has no such package.
 *
 * Only P's own Recommends are followed, not those of its dependencies or of the recommended
 * packages: see the README for what that leaves out and what covering it would cost.
 */
export function lostWithoutRecommends(archive, name) {
  if (!archive.packages.has(name)) return null;
  const covered = new Set(archive.base);
  const installed = dependsClosure(archive, [name], covered);
  const present = new Set();
  for (const pkg of [...archive.base, ...installed])
    for (const program of archive.programs.get(pkg) ?? []) present.add(program);
  for (const pkg of installed) covered.add(pkg);

  const roots = [];
  // Each group is resolved against what is installed so far: `default-mta |
  // mail-transport-agent` asks for nothing when the install already brings an MTA.
  for (const group of archive.packages.get(name).recommends) {
    const root = resolveGroup(archive, group, covered);
    if (root === null || covered.has(root)) continue;
    const programs = [];
    const brought = dependsClosure(archive, [root], covered);
    const counted = programBearers(archive, root, brought);
    let dev = false;
    for (const pkg of brought) {
      covered.add(pkg);
      dev ||= pkg.endsWith('-dev') && archive.headers.has(pkg);
      if (!counted.has(pkg)) continue;
      for (const program of archive.programs.get(pkg) ?? [])
        if (!present.has(program)) {
          present.add(program);
          programs.push(program);
        }
    }
    if (programs.length > 0 || dev) roots.push({ name: root, programs: programs.sort(), dev });
  }
  return { roots };
}

/**
 * Whose programs count as the root's: the root's own when it ships any; when it ships none (a
 * metapackage such as build-essential), those of the packages it depends on, recursively through
 * any that ship none either. Deeper packages are what those programs run on (binutils under gcc,
 * fontconfig under an editor): listing them for every root would multiply the table for programs
 * a Dockerfile does not expect from the package it named.
 */
function programBearers(archive, root, brought) {
  const out = new Set();
  const queue = [root];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const pkg = queue[i];
    if ((archive.programs.get(pkg) ?? []).length > 0) {
      out.add(pkg);
      continue;
    }
    for (const next of resolvedDepends(archive, pkg))
      if (brought.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  }
  return out;
}
