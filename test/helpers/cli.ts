/** Spawning the real CLI (`bin/dockopt.js`, built by `npm test`) and making files in temp dirs. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const BIN = join(process.cwd(), 'bin', 'dockopt.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function dockopt(cwd: string, args: string[], options: SpawnSyncOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...options,
  });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dockopt-${prefix}-`));
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
}

/** Every file under `root` (relative path → contents), for comparing whole trees. */
export function readTree(root: string, skip = new Set(['.git'])): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (skip.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** Writes `count` generated Dockerfiles (scripts/generate-corpus.js) under `dir`. */
export function generateCorpus(dir: string, count: number, seed: number): void {
  const script = join(process.cwd(), 'scripts', 'generate-corpus.js');
  const result = spawnSync(
    process.execPath,
    [script, dir, '--count', String(count), '--seed', String(seed)],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`generate-corpus failed: ${result.stderr}`);
}
