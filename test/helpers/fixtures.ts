/**
 * Fixture discovery. A case is either a file pair in `__fixtures__/<transform>/`:
 *   <case>.input.Dockerfile, an optional <case>.output.Dockerfile (absent: the input must come
 *   back unchanged) and an optional <case>.options.json ({ "enable": [...], "options": {...},
 *   "settings": {...}, "context": "dir" }) for cases that need transform options, run-wide
 *   settings (`cacheStrategy`) or a build context (a directory next to the fixture, relative to
 *   the transform's fixture folder);
 * or a folder `__fixtures__/<transform>/<case>/` holding the same as input.Dockerfile,
 * output.Dockerfile and options.json, plus:
 *   context/    the build context; the Dockerfile is taken to be `context/Dockerfile` (it is not
 *               there on disk: other Dockerfiles of the context may be). No folder: no context.
 *               Git cannot store a folder named `.git`: write it as `dot-git/` and the runner
 *               uses a copy of the context where it is named `.git`.
 *   expected/   the files of the context that the run must create or change, each with its whole
 *               expected contents (no folder: the run must change no other file).
 *
 * Comment lines at the top of an input say what the case expects to be reported:
 *   # expect: <text>    some finding of the transform contains <text>
 *   # expect-none       the transform reports nothing at all
 *   # expect-question   some finding of the transform asks a build (`question`, for --build)
 * options.json may also give `buildFacts` (stage index → answer): what a build told, for cases of
 * transforms that plan from build facts.
 * An unchanged case must carry one of them, so it fails if the transform stops looking.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BuildFacts } from '../../src/core/build-facts.js';
import type { Settings } from '../../src/core/context.js';

export interface FixtureCase {
  transform: string;
  name: string;
  input: string;
  expected: string;
  changes: boolean;
  expects: string[];
  expectNone: boolean;
  expectQuestion: boolean;
  settings: {
    enable?: string[];
    options?: Record<string, Record<string, unknown>>;
    unsafe?: boolean;
    settings?: Partial<Settings>;
    context?: string;
    buildFacts?: BuildFacts;
  };
  /** The build context directory (absolute), or null when the case has none. */
  context: string | null;
  /** Where the Dockerfile is taken to be, for the build context (null: outside it). */
  dockerfile: string | null;
  /** Files of the context the run must create or change: context path → whole contents. */
  expectedFiles: Map<string, string>;
}

export const FIXTURES_DIR = join(process.cwd(), '__fixtures__');

export function fixtureCases(transform: string): FixtureCase[] {
  const dir = join(FIXTURES_DIR, transform);
  if (!existsSync(dir)) return [];
  const pairs = readdirSync(dir)
    .filter((f) => f.endsWith('.input.Dockerfile'))
    .map((file) => {
      const name = file.slice(0, -'.input.Dockerfile'.length);
      return fixtureCase(transform, name, (part) => join(dir, `${name}.${part}`), null);
    });
  const folders = readdirSync(dir)
    .filter((f) => existsSync(join(dir, f, 'input.Dockerfile')))
    .map((name) =>
      fixtureCase(transform, name, (part) => join(dir, name, part), join(dir, name, 'context')),
    );
  return [...pairs, ...folders].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function fixtureCase(
  transform: string,
  name: string,
  part: (name: string) => string,
  folderContext: string | null,
): FixtureCase {
  const input = readFileSync(part('input.Dockerfile'), 'utf8');
  const outputPath = part('output.Dockerfile');
  const optionsPath = part('options.json');
  const header = input
    .split('\n')
    .filter((line, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith('#')));
  const settings = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {};
  let context: string | null = null;
  let dockerfile: string | null = null;
  if (folderContext && existsSync(folderContext)) {
    context = withDotGit(folderContext);
    dockerfile = 'Dockerfile';
  } else if (settings.context) {
    context = join(FIXTURES_DIR, transform, settings.context);
  }
  const expectedDir = part('expected');
  const expectedFiles = new Map<string, string>();
  if (folderContext && existsSync(expectedDir))
    for (const path of filesUnder(expectedDir, ''))
      expectedFiles.set(path, readFileSync(join(expectedDir, path), 'utf8'));
  return {
    transform,
    name,
    input,
    expected: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : input,
    changes: existsSync(outputPath) || expectedFiles.size > 0,
    expects: header.flatMap((l) => /^#\s*expect:\s*(.+?)\s*$/.exec(l)?.[1] ?? []),
    expectNone: header.some((l) => /^#\s*expect-none\s*$/.test(l)),
    expectQuestion: header.some((l) => /^#\s*expect-question\s*$/.test(l)),
    settings,
    context,
    dockerfile,
    expectedFiles,
  };
}

/** The context itself, or a temporary copy of it where every `dot-git` entry is named `.git`. */
function withDotGit(context: string): string {
  const marked = filesUnder(context, '').filter((path) => path.split('/').includes('dot-git'));
  if (marked.length === 0) return context;
  const copy = join(mkdtempSync(join(tmpdir(), 'dockopt-fixture-')), 'context');
  cpSync(context, copy, { recursive: true });
  const folders = new Set(
    marked.map((path) => path.slice(0, path.lastIndexOf('dot-git') + 'dot-git'.length)),
  );
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    renameSync(join(copy, folder), join(copy, dirname(folder), '.git'));
  }
  return copy;
}

function filesUnder(root: string, prefix: string): string[] {
  return readdirSync(join(root, prefix))
    .sort()
    .flatMap((name) => {
      const path = prefix ? `${prefix}/${name}` : name;
      return statSync(join(root, path)).isDirectory() ? filesUnder(root, path) : [path];
    });
}

export function fixtureTransforms(): string[] {
  return existsSync(FIXTURES_DIR) ? readdirSync(FIXTURES_DIR).sort() : [];
}
