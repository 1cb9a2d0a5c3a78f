/**
 * One release of one distribution, read from its mirror: the Packages indexes of the chosen
 * components and the Contents indexes that say which programs each package ships, turned into
 * an archive for closure.js. The `<codename>-updates` pocket's Packages are laid over the
 * release's when the mirror offers them in gzip: Ubuntu's release pocket is frozen at release
 * day, and its updates are what an `apt-get install` in a current image gets. Programs still
 * come from the release pocket's Contents: Ubuntu's -updates Contents lists every version ever
 * published (jammy-updates: 341 MB compressed, 6.3 GB unpacked) for file lists that updates
 * seldom change; a package that exists only in -updates counts as shipping no program.
 */
import { cachedIndex, fetchRelease, forEachGzipLine } from './archive.js';
import { createArchive } from './closure.js';
import { addAlternativeStems, createStanzaReader, parseContentsLine } from './indexes.js';

const ARCH = 'amd64';

/**
 * The Contents indexes to read: per component `Contents-amd64.gz` and `Contents-all.gz` (Debian
 * since buster lists Architecture: all packages only in the latter), or else the single
 * top-level `Contents-amd64.gz` (Ubuntu's layout, all components in one file).
 */
export function contentsPaths(release, components) {
  const perComponent = components.flatMap((component) =>
    [`${component}/Contents-${ARCH}.gz`, `${component}/Contents-all.gz`].filter((path) =>
      release.files.has(path),
    ),
  );
  if (perComponent.length > 0) return perComponent;
  return release.files.has(`Contents-${ARCH}.gz`) ? [`Contents-${ARCH}.gz`] : [];
}

/** The pocket's index paths, or a reason it cannot be read with gzip alone. */
function pocketIndexes(release, components, withContents) {
  const packages = components.map((c) => `${c}/binary-${ARCH}/Packages.gz`);
  const missing = packages.find((path) => !release.files.has(path));
  if (missing) return { reason: `no ${missing} (only another compression, or no component)` };
  const contents = withContents ? contentsPaths(release, components) : [];
  if (withContents && contents.length === 0) return { reason: 'no gzip Contents index' };
  return { packages, contents };
}

/**
 * Reads `codename` (and its -updates pocket) from `mirror`: null when the mirror does not serve
 * the release. `log` receives progress lines. The result carries the archive and a record of
 * what it was made from.
 */
export async function readRelease({ mirror, codename, components, cacheDir, log }) {
  const main = await fetchRelease(mirror, codename);
  if (main === null) return null;
  const pockets = [];
  const updates = await fetchRelease(mirror, `${codename}-updates`);
  if (updates !== null) {
    const indexes = pocketIndexes(updates, components, false);
    if (indexes.reason) log(`${codename}-updates: not used: ${indexes.reason}`);
    else pockets.push({ suite: `${codename}-updates`, release: updates, ...indexes });
  }
  const mainIndexes = pocketIndexes(main, components, true);
  if (mainIndexes.reason) throw new Error(`${codename}: ${mainIndexes.reason}`);
  pockets.push({ suite: codename, release: main, ...mainIndexes });

  let downloaded = 0;
  const fetchIndex = async (pocket, path, tolerateMismatch) => {
    const { suite, release } = pocket;
    const index = await cachedIndex({ mirror, suite, release, path, cacheDir, tolerateMismatch });
    downloaded += index.downloaded;
    if (index.mismatch) {
      log(`${suite}: WARNING ${path} as served does not match the Release; used as served`);
      (pocket.notMatchingRelease ??= []).push(path);
    }
    return index.path;
  };

  // Updates first: createArchive keeps the first stanza of a name, so the updated one wins.
  const stanzas = [];
  const updated = new Set();
  for (const pocket of pockets) {
    const names = new Set();
    for (const path of pocket.packages) {
      const reader = createStanzaReader((stanza) => {
        names.add(stanza.Package);
        stanzas.push(stanza);
      });
      await forEachGzipLine(await fetchIndex(pocket, path, false), (line) => reader.line(line));
      reader.end();
    }
    if (pocket !== pockets.at(-1)) for (const name of names) updated.add(name);
  }

  // A stale Contents file only shifts which programs are listed: a mismatch is tolerated.
  const programs = new Map();
  const headers = new Set();
  for (const path of mainIndexes.contents)
    await forEachGzipLine(await fetchIndex(pockets.at(-1), path, true), (line) => {
      const entry = parseContentsLine(line);
      if (entry === null) return;
      for (const pkg of entry.packages) {
        if (entry.header) {
          headers.add(pkg);
          continue;
        }
        const list = programs.get(pkg) ?? [];
        if (!list.includes(entry.program)) list.push(entry.program);
        programs.set(pkg, list);
      }
    });
  addAlternativeStems(programs);
  const archive = createArchive(stanzas, programs, headers);
  log(
    `${codename}: ${archive.packages.size} packages (${updated.size} from -updates), ` +
      `${programs.size} with programs, ${headers.size} with headers, ` +
      `${(downloaded / 1e6).toFixed(1)} MB downloaded`,
  );
  return {
    archive,
    info: {
      codename: main.fields.Codename ?? codename,
      version: main.fields.Version ?? null,
      pockets: pockets.map((p) => ({
        suite: p.suite,
        date: p.release.fields.Date ?? null,
        indexes: [...p.packages, ...p.contents],
        ...(p.notMatchingRelease ? { notMatchingRelease: p.notMatchingRelease } : {}),
      })),
    },
  };
}
