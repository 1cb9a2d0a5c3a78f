/** Pieces the builder drivers share: the build command line, JSON answers, OCI layouts. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logTail, runCommand, runCommandSync, type CommandResult } from './process.js';
import { onExitCleanup } from './temp-images.js';
import {
  BuilderError,
  type BuildRequest,
  type BuildResult,
  type ExecOptions,
  type ExecResult,
} from './types.js';

/** The flags every builder (docker, podman, buildah) takes the same way. */
export function commonBuildFlags(request: BuildRequest): string[] {
  const flags = ['-f', request.dockerfile, '-t', request.tag];
  if (request.target) flags.push('--target', request.target);
  for (const arg of request.buildArgs ?? []) flags.push('--build-arg', arg);
  return flags;
}

export async function runBuild(
  command: string,
  args: readonly string[],
  request: BuildRequest,
): Promise<BuildResult> {
  const result = await runCommand(command, args, { onOutput: request.onOutput });
  return {
    ok: result.code === 0,
    seconds: result.seconds,
    log: result.spawnError ? `${command}: ${result.spawnError}` : logTail(result.output, 40),
  };
}

/** Runs a command whose stdout is JSON; a failure is a BuilderError with the command's error. */
export async function runJson(command: string, args: readonly string[]): Promise<unknown> {
  const result = await runCommand(command, args, { fullStdout: true });
  failUnlessOk(command, args, result);
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new BuilderError(
      `${command} ${args[0]}: answer is not JSON: ${result.stdout.slice(0, 200)}`,
    );
  }
}

export function failUnlessOk(
  command: string,
  args: readonly string[],
  result: CommandResult,
): void {
  if (result.code === 0) return;
  const why = result.spawnError ?? (logTail(result.output, 5) || `exit code ${result.code}`);
  throw new BuilderError(`${command} ${args.slice(0, 2).join(' ')} failed: ${why}`);
}

/**
 * Compressed size of an image, by letting the builder push it (gzip) into a temporary OCI layout
 * and adding up the layer blobs its manifest lists: the size a registry would store.
 */
export async function compressedSizeViaOciLayout(
  command: string,
  pushArgs: (ref: string, destination: string) => string[],
  ref: string,
): Promise<number | null> {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-oci-'));
  try {
    const args = pushArgs(ref, `oci:${dir}`);
    const result = await runCommand(command, args);
    if (result.code !== 0) return null;
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
      manifests?: { digest: string }[];
    };
    const digest = index.manifests?.[0]?.digest;
    if (!digest) return null;
    const manifest = JSON.parse(readFileSync(join(dir, 'blobs', ...digest.split(':')), 'utf8')) as {
      layers?: { size: number }[];
    };
    return (manifest.layers ?? []).reduce((sum, layer) => sum + layer.size, 0);
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `created_by` of a history entry, shortened the way builders print it. */
export function createdBy(entry: { created_by?: string; CreatedBy?: string }): string {
  return (entry.created_by ?? entry.CreatedBy ?? '').replace(/^\/bin\/sh -c #\(nop\) /, '');
}

/**
 * `run` arguments for docker and podman: a removed-after container whose entrypoint is the
 * program, so `argv` reaches it as is (giving `--entrypoint` also drops the image's CMD). A name
 * is given when the container may have to be stopped from outside (a timeout).
 */
export function runArgs(
  ref: string,
  argv: readonly string[],
  options: ExecOptions = {},
  name?: string,
): string[] {
  const [program, ...rest] = argv;
  if (program === undefined) throw new BuilderError('exec: empty command');
  const user = options.user === undefined ? [] : ['--user', options.user];
  const named = name === undefined ? [] : ['--name', name];
  return ['run', '--rm', ...named, ...user, '--entrypoint', program, ref, ...rest];
}

/**
 * `exec` for docker and podman. Without a timeout: `run --rm ...`. With one, the container is
 * named (`dockopt-exec-<pid>-<random>`) so that it can be stopped: killing the client would leave
 * the container running under the daemon (and a process that is PID 1 ignores SIGTERM). At the
 * timeout `removeArgs(name)` kills and removes it; it runs once more after the client is gone, in
 * case the container was only being created when the first removal came.
 */
export async function runExec(
  command: string,
  ref: string,
  argv: readonly string[],
  options: ExecOptions = {},
  removeArgs: (name: string) => string[],
): Promise<ExecResult> {
  if (options.timeoutMs === undefined) {
    const result = await runCommand(command, runArgs(ref, argv, options), { fullStdout: true });
    return execResult(command, result);
  }
  const name = `dockopt-exec-${process.pid}-${randomBytes(4).toString('hex')}`;
  const remove = () => runCommand(command, removeArgs(name));
  const release = onExitCleanup(`container:${command}:${name}`, () =>
    runCommandSync(command, removeArgs(name)),
  );
  try {
    const result = await runCommand(command, runArgs(ref, argv, options, name), {
      fullStdout: true,
      timeoutMs: options.timeoutMs,
      onTimeout: remove,
    });
    if (result.timedOut) await remove();
    return execResult(command, result);
  } finally {
    release();
  }
}

export function execResult(command: string, result: CommandResult): ExecResult {
  const answer: ExecResult = { code: result.code, stdout: result.stdout, stderr: result.stderr };
  if (result.spawnError) answer.spawnError = `${command}: ${result.spawnError}`;
  if (result.timedOut) answer.timedOut = true;
  return answer;
}
