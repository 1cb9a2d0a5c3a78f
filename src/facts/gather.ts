/**
 * Building a stage to ask it what reading cannot tell (issue 17): its OS release, what its entry
 * point runs and links against, and which files its build steps wrote.
 *
 *   const result = await gatherFacts({ builder, stage, before, context, contextFiles, entry });
 *
 * builds `stage` (a Dockerfile text whose last stage, or `target`, is the stage to learn about)
 * and, when given, `before` (the same stage cut right before its first build RUN), each under a
 * temporary tag removed afterwards (also on interrupt), runs the probe in each as root, and
 * returns the facts. At most two probes run in the stage image (the second only when a program's
 * loader is not where the first guessed) and one in the `before` image. Answers are cached
 * (cache.ts): a second call with the same inputs builds nothing.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logTail } from '../builder/process.js';
import { onExitCleanup, TempNames } from '../builder/temp-images.js';
import { BuilderError, type Builder } from '../builder/types.js';
import {
  factsCacheDir,
  factsCacheKey,
  readFactsCache,
  writeFactsCache,
  type CachedFacts,
} from './cache.js';
import { diffListings, parseListing } from './fs-diff.js';
import { parseOsRelease } from './os-release.js';
import {
  parseProbeOutput,
  probeArgv,
  type EntryRequest,
  type ProbeOutput,
  type ProbeRequest,
} from './probe.js';
import { entryFacts, jarArgument, loaderRunsNeeded } from './program.js';
import { FACTS_VERSION, type FsDiff, type StageFacts } from './types.js';

export interface GatherRequest {
  builder: Builder;
  /** Dockerfile text whose last stage (or `target`) is the stage to learn about. */
  stage: string;
  /** The same stage cut right before its first build RUN; null: no file diff wanted. */
  before: string | null;
  /** The build context directory. */
  context: string;
  /** What the stage copies from the context (files or directories, relative): hashed for the cache key. */
  contextFiles: readonly string[];
  /** What the container runs (argv, final PATH and WORKDIR); null: no entry facts wanted. */
  entry: EntryRequest | null;
  /** Absolute paths whose existence in the built stage to report (`facts.checks`). */
  checks?: readonly string[];
  target?: string;
  buildArgs?: readonly string[];
  /** An ignore file to use instead of the context's `.dockerignore`. */
  ignoreFile?: string;
  /** false: neither read nor write the cache; `refresh`: build again and overwrite the entry. */
  cache?: false | { dir?: string; refresh?: boolean };
  /** Temporary tag names (default `localhost/dockopt-facts:<pid>-...`). */
  names?: TempNames;
  /** Streams the build logs. */
  onOutput?: (chunk: string) => void;
}

export type GatherResult = CachedFacts & {
  /** The cache key of this answer. */
  key: string;
  /** The answer came from the cache: nothing was built. */
  fromCache: boolean;
};

export async function gatherFacts(request: GatherRequest): Promise<GatherResult> {
  const cacheDir = request.cache === false ? null : (request.cache?.dir ?? factsCacheDir());
  const key = factsCacheKey({
    builder: request.builder.kind,
    texts: [request.stage, request.before],
    context: request.context,
    contextFiles: request.contextFiles,
    ignoreFiles: request.ignoreFile ? [request.ignoreFile] : [],
    question: {
      entry: request.entry,
      checks: request.checks ?? [],
      target: request.target ?? null,
      buildArgs: request.buildArgs ?? [],
    },
  });
  if (cacheDir && !(request.cache && request.cache.refresh)) {
    const hit = readFactsCache(key, cacheDir);
    if (hit) return { ...hit, key, fromCache: true };
  }
  const result = await buildAndProbe(request);
  if (cacheDir) {
    try {
      writeFactsCache(key, result, cacheDir);
    } catch {
      // An unwritable cache costs a rebuild next time, never this answer.
    }
  }
  return { ...result, key, fromCache: false };
}

async function buildAndProbe(request: GatherRequest): Promise<CachedFacts> {
  const { builder } = request;
  const names = request.names ?? new TempNames('localhost/dockopt-facts');
  const files = writeDockerfiles(request);
  const tags: string[] = [];
  const forget: (() => void)[] = [];
  const build = async (dockerfile: string, label: string) => {
    const tag = names.tag(label);
    tags.push(tag);
    forget.push(onExitCleanup(`image:${tag}`, () => builder.removeSync([tag])));
    const result = await builder.build({
      dockerfile,
      context: request.context,
      tag,
      target: request.target,
      buildArgs: request.buildArgs,
      ignoreFile: files.ignoreFile,
      onOutput: request.onOutput,
    });
    return { ...result, tag };
  };
  try {
    const stage = await build(files.stage, 'stage');
    if (!stage.ok) return { ok: false, failed: 'stage', log: stage.log };
    const notes: string[] = [];
    const entry = request.entry?.argv[0] ? request.entry : null;
    const jar = entry ? jarArgument(entry) : null;
    const after = await probe(builder, stage.tag, {
      os: true,
      entry,
      checks: [...(request.checks ?? []), ...(jar ? [jar] : [])],
      list: request.before === null ? null : '/',
    });
    const again = entry ? loaderRunsNeeded(after) : [];
    if (again.length > 0) merge(after, await probe(builder, stage.tag, { loaderRuns: again }));
    if (!after.complete)
      notes.push(
        `the probe did not finish in the stage image (${after.probeError ?? 'output cut short'}): facts are partial`,
      );
    let diff: FsDiff | null = null;
    if (request.before !== null && files.before) {
      const before = await build(files.before, 'before');
      if (!before.ok)
        notes.push(
          `the stage cut before its build steps does not build: ${logTail(before.log, 5)}`,
        );
      else diff = diffOf(after, await probe(builder, before.tag, { list: '/' }), notes);
    }
    const os =
      after.osLines.length > 0 || Object.values(after.release).some(Boolean)
        ? parseOsRelease(after.osLines, after.release)
        : null;
    const facts: StageFacts = {
      factsVersion: FACTS_VERSION,
      builder: builder.kind,
      os,
      entry: entry ? entryFacts(after, entry) : null,
      checks: Object.fromEntries(after.checks),
      diff,
      notes,
    };
    return { ok: true, facts };
  } finally {
    if (tags.length > 0) await builder.remove(tags);
    for (const release of forget) release();
    files.remove();
  }
}

/**
 * Runs the probe as root (every file readable). A builder that cannot run it at all throws (not
 * cached: the next run tries again): no exit code, or docker's and podman's 125, which is their
 * own failure rather than the command's.
 */
async function probe(builder: Builder, tag: string, request: ProbeRequest): Promise<ProbeOutput> {
  const result = await builder.exec(tag, probeArgv(request), { user: '0:0' });
  const output = parseProbeOutput(result.stdout);
  if (
    result.code === null ||
    (result.code === 125 && builder.kind !== 'buildah' && !output.complete)
  )
    throw new BuilderError(
      `${builder.kind} could not run a command in the image it built: ${result.spawnError ?? logTail(result.stderr, 5)}`,
    );
  if (result.code !== 0 && !output.complete)
    output.probeError = logTail(result.stderr, 5) || `exit code ${result.code}`;
  return output;
}

/** Adds a second probe's loader runs and owners to the first's. */
function merge(into: ProbeOutput, extra: ProbeOutput): void {
  for (const [role, record] of extra.roles)
    into.roles.get(role)?.loaderRuns.push(...record.loaderRuns);
  for (const [path, owner] of extra.owners)
    if (!into.owners.has(path)) into.owners.set(path, owner);
  for (const [path, alias] of extra.aliases) into.aliases.set(path, alias);
}

function diffOf(after: ProbeOutput, before: ProbeOutput, notes: string[]): FsDiff | null {
  for (const [output, which] of [
    [before, 'before its build steps'],
    [after, 'after them'],
  ] as const) {
    if (!output.listing || output.listing.format === 'none') {
      notes.push(
        `no file listing of the stage ${which}: ${output.listing?.reason ?? output.probeError ?? 'the probe did not reach it'}`,
      );
      return null;
    }
  }
  const old = parseListing(before.listing!.lines, before.listing!.format);
  const now = parseListing(after.listing!.lines, after.listing!.format);
  const malformed = old.malformed + now.malformed;
  if (malformed > 0) notes.push(`${malformed} listing lines were not read (names with newlines?)`);
  return diffListings(old.entries, now.entries);
}

/** The texts to build, written outside the context (so `COPY . .` cannot pick them up). */
function writeDockerfiles(request: GatherRequest) {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-facts-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const forget = onExitCleanup(`dir:${dir}`, remove);
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    // BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile before the context's.
    if (request.ignoreFile) copyFileSync(request.ignoreFile, `${path}.dockerignore`);
    return path;
  };
  const stage = write('Dockerfile', request.stage);
  const before = request.before === null ? null : write('before.Dockerfile', request.before);
  return {
    stage,
    before,
    ignoreFile: request.ignoreFile ? `${stage}.dockerignore` : undefined,
    remove: () => {
      remove();
      forget();
    },
  };
}
