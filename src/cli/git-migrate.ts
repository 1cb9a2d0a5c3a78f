/**
 * `--git-branch NAME`: for each repository with changes, create NAME from the current HEAD, write
 * the changes there and commit them, with a message listing the transforms applied and the
 * estimated savings (`--git-message` replaces it). A repository with uncommitted changes in a
 * file dockopt would touch, or that already has a branch NAME, is refused as a whole: nothing is
 * written in it. Nothing is ever pushed. Without `--write`, says what would be committed where.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { displayPath, formatBytes } from './output.js';
import type { FileResult } from './process-file.js';
import { writeResult } from './write-result.js';

export interface GitMigration {
  branch: string;
  message?: string;
  write: boolean;
}

export interface RepoResult {
  result: FileResult;
  /** Top directory of the file's repository, or null. */
  repo: string | null;
}

/** Returns the results, written or turned into errors, in the order given. */
export function migrate(
  items: readonly RepoResult[],
  git: GitMigration,
  say: (line: string) => void,
): FileResult[] {
  const out = items.map((i) => i.result);
  const byRepo = new Map<string, number[]>();
  items.forEach(({ result, repo }, i) => {
    if (result.status !== 'changed') return;
    if (repo === null) {
      out[i] = refuse(result, 'not in a git repository, so not written (--git-branch)', git);
      return;
    }
    byRepo.set(repo, [...(byRepo.get(repo) ?? []), i]);
  });
  for (const [repo, indexes] of byRepo) {
    const results = indexes.map((i) => out[i]);
    const name = displayPath(repo) || '.';
    const paths = [...new Set(results.flatMap(touchedPaths))].map((p) => inRepo(repo, p));
    const refusal = whyRefused(repo, git.branch, paths);
    if (refusal) {
      say(`dockopt: ${name}: ${git.write ? 'refused' : 'would be refused'}: ${refusal}`);
      indexes.forEach((i) => (out[i] = refuse(out[i], `repository refused: ${refusal}`, git)));
      continue;
    }
    const message = git.message ?? commitMessage(results, repo);
    if (!git.write) {
      say(
        `dockopt: ${name}: would create branch ${git.branch} from HEAD and commit ${paths.join(', ')}:\n${indent(message)}`,
      );
      continue;
    }
    try {
      runGit(repo, ['checkout', '-q', '-b', git.branch]);
    } catch (error) {
      const why = `cannot create branch ${git.branch}: ${(error as Error).message}`;
      say(`dockopt: ${name}: refused: ${why}`);
      indexes.forEach((i) => (out[i] = refuse(out[i], why, git)));
      continue;
    }
    const written: FileResult[] = [];
    for (const i of indexes) {
      out[i] = writeResult(out[i]);
      if (out[i].status === 'changed') written.push(out[i]);
    }
    if (written.length === 0) {
      say(`dockopt: ${name}: created branch ${git.branch}; nothing written, nothing committed`);
      continue;
    }
    const committed = [...new Set(written.flatMap(touchedPaths))].map((p) => inRepo(repo, p));
    try {
      runGit(repo, ['add', '--', ...committed]);
      runGit(repo, [
        'commit',
        '-q',
        '-m',
        git.message ?? commitMessage(written, repo),
        '--only',
        '--',
        ...committed,
      ]);
      const head = runGit(repo, ['rev-parse', '--short', 'HEAD']).trim();
      say(
        `dockopt: ${name}: committed ${committed.length} file${committed.length === 1 ? '' : 's'} on branch ${git.branch} (${head}); not pushed`,
      );
    } catch (error) {
      const why = `written on branch ${git.branch} but not committed: ${(error as Error).message}`;
      say(`dockopt: ${name}: ${why}`);
      for (const i of indexes)
        if (out[i].status === 'changed') out[i] = { ...out[i], errors: [...out[i].errors, why] };
    }
  }
  return out;
}

/** The default commit message: transforms applied, estimated saving, layers, files. */
export function commitMessage(results: readonly FileResult[], repo: string): string {
  const byTransform = new Map<string, number>();
  let bytes = 0;
  let before = 0;
  let after = 0;
  for (const result of results) {
    const ids = new Set(
      result.findings.filter((f) => f.status === 'fixed').map((f) => f.transform),
    );
    for (const id of ids) byTransform.set(id, (byTransform.get(id) ?? 0) + 1);
    bytes += result.estimatedBytes;
    before += result.layers?.before.total ?? 0;
    after += result.layers?.after.total ?? 0;
  }
  const ids = [...byTransform.keys()];
  const lines = [
    `Optimise Dockerfiles with dockopt (${ids.join(', ')})`,
    '',
    'Transforms applied:',
    ...[...byTransform].map(([id, n]) => `- ${id}: ${n} file${n === 1 ? '' : 's'}`),
  ];
  if (bytes > 0) lines.push('', `Estimated image size saving: ~${formatBytes(bytes)}.`);
  if (before !== after) lines.push(`Layers (RUN/COPY/ADD): ${before} → ${after}.`);
  lines.push('', 'Files:', ...results.map((r) => `- ${inRepo(repo, r.path)}`));
  return lines.join('\n');
}

/** Why a repository cannot be migrated, or null. */
function whyRefused(repo: string, branch: string, paths: readonly string[]): string | null {
  try {
    const dirty = runGit(repo, ['status', '--porcelain', '--untracked-files=all', '--', ...paths]);
    if (dirty.trim()) {
      const files = dirty
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(3));
      return `uncommitted changes in ${files.join(', ')} (commit or stash them first)`;
    }
    try {
      runGit(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]);
      return `a branch ${branch} already exists`;
    } catch {
      return null; // no such branch: good
    }
  } catch (error) {
    return `git failed: ${(error as Error).message}`;
  }
}

function refuse(result: FileResult, why: string, git: GitMigration): FileResult {
  // A dry run writes nothing anyway: the refusal is said, the diff still shown.
  if (!git.write) return result;
  return { ...result, status: 'error', errors: [...result.errors, why] };
}

/** The Dockerfile and the context files a result changes. */
function touchedPaths(result: FileResult): string[] {
  const paths = (result.files ?? []).map((f) => f.path);
  if (result.output !== undefined && result.output !== result.original) paths.push(result.path);
  return paths;
}

function inRepo(repo: string, path: string): string {
  return relative(repo, resolve(path)).split(sep).join('/');
}

function runGit(repo: string, args: string[]): string {
  try {
    return execFileSync('git', ['-C', repo, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(stderr || (error as Error).message);
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `    ${line}` : ''))
    .join('\n');
}
