/**
 * The sandbox of the differential tests: a temporary directory holding
 *   root/       the image's file system as the generated Dockerfiles see it: every absolute path
 *               they name lies under it, and its contents are what the comparison looks at;
 *   bin/        the stub programs (stub.ts), first on PATH;
 *   calls.log   the stubs' log (and the executor's step markers);
 *   scratch/    the executor's own files (its driver script, each step's stderr).
 * `root` keeps the same path for the whole test file, so a Dockerfile generated once (with that
 * path in it) can be played many times; `reset` brings it back to the initial tree in between.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installStubs } from './stub.js';

/** What `root` holds before every execution: directories end with `/`. */
export const INITIAL_TREE: Readonly<Record<string, string>> = {
  'a/': '',
  'a/b/': '',
  'c/': '',
  f1: 'f1 initial\n',
  'a/f3': 'f3 initial\n',
  'app.conf': 'name=app\n',
};

export interface Sandbox {
  readonly root: string;
  readonly bin: string;
  readonly log: string;
  readonly scratch: string;
  /** Back to INITIAL_TREE, with an empty log. */
  reset(): void;
  /** Every entry under root, sorted: `dir/` → '', file → its contents. */
  snapshot(): Record<string, string>;
  /** The log's lines. */
  logLines(): string[];
  dispose(): void;
}

export function createSandbox(): Sandbox {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'dockopt-differential-')));
  const root = join(base, 'root');
  const log = join(base, 'calls.log');
  const scratch = join(base, 'scratch');
  const bin = installStubs(join(base, 'bin'), root, log);
  return {
    root,
    bin,
    log,
    scratch,
    reset() {
      for (const dir of [root, scratch]) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir);
      }
      for (const [path, contents] of Object.entries(INITIAL_TREE)) {
        if (path.endsWith('/')) mkdirSync(join(root, path), { recursive: true });
        else writeFileSync(join(root, path), contents);
      }
      writeFileSync(log, '');
    },
    snapshot: () => snapshotTree(root),
    logLines() {
      const text = readFileSync(log, 'utf8');
      return text === '' ? [] : text.replace(/\n$/, '').split('\n');
    },
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}

export const insideRoot = (root: string, path: string) =>
  path === root || path.startsWith(`${root}/`);

function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((x, y) =>
      x.name < y.name ? -1 : x.name > y.name ? 1 : 0,
    )) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) {
        out[`${rel}/`] = '';
        walk(join(dir, entry.name), `${rel}/`);
      } else if (entry.isFile()) out[rel] = readFileSync(join(dir, entry.name), 'utf8');
      else out[rel] = '<not a regular file>';
    }
  };
  walk(root, '');
  return out;
}
