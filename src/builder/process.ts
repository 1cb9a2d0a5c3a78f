/**
 * Running builder commands: asynchronously, output captured (the tail only: a build log can be
 * megabytes), and every live child known, so an interrupted dockopt can stop them before it removes
 * the images they were making (see cleanup.ts).
 */
import { spawn, spawnSync } from 'node:child_process';

export interface CommandResult {
  /** Exit code; null when the command could not be started or was killed by a signal. */
  code: number | null;
  /** Set when the command could not be started (ENOENT: not installed). */
  spawnError?: string;
  stdout: string;
  /** The last part of stderr alone. */
  stderr: string;
  /** The last part of stdout and stderr, interleaved as they came. */
  output: string;
  seconds: number;
  /** The command was stopped because it ran past `timeoutMs`. */
  timedOut?: boolean;
}

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Keep the whole of stdout (JSON answers) rather than only its tail. */
  fullStdout?: boolean;
  /** Called with each chunk of output, for a verbose mode that streams the build log. */
  onOutput?: (chunk: string) => void;
  /**
   * Stop the command after this many milliseconds. It then runs in a process group of its own:
   * `onTimeout` runs first (removing a container that the command only talks to), then the whole
   * group gets SIGTERM, and SIGKILL after KILL_GRACE_MS (a process that ignores SIGTERM, or a
   * grandchild holding the output pipe open, would otherwise keep it alive).
   */
  timeoutMs?: number;
  onTimeout?: () => Promise<unknown>;
}

/** Between SIGTERM and SIGKILL for a command stopped at its timeout. */
export const KILL_GRACE_MS = 2000;

/** How much of a command's output is kept for error messages. */
const TAIL_BYTES = 64 * 1024;

/** Running builder commands: pid → whether it leads a process group of its own. */
const live = new Map<number, boolean>();

/** The builder commands running right now, and whether each leads a process group (`-pid`). */
export function liveChildGroups(): { pid: number; group: boolean }[] {
  return [...live].map(([pid, group]) => ({ pid, group }));
}

/** Signals a process, or its whole group; a process already gone is not an error. */
export function signalProcess(pid: number, name: NodeJS.Signals, group = false): void {
  try {
    process.kill(group ? -pid : pid, name);
  } catch {
    // Already gone.
  }
}

export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let output = '';
    const keepTail = (text: string) =>
      text.length > TAIL_BYTES ? text.slice(text.length - TAIL_BYTES) : text;
    const timed = options.timeoutMs !== undefined;
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // A group of its own, so that a timeout can stop everything the command started.
        detached: timed,
      });
    } catch (error) {
      // Some failures are thrown rather than emitted (E2BIG: an argument list too long).
      const message = (error as Error).message;
      resolve({ code: null, spawnError: message, stdout, stderr, output, seconds: seconds() });
      return;
    }
    if (child.pid !== undefined) live.set(child.pid, timed);
    let closed = false;
    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    if (timed && child.pid !== undefined) {
      const pid = child.pid;
      timers.push(
        setTimeout(() => {
          timedOut = true;
          void Promise.resolve()
            .then(() => options.onTimeout?.())
            .catch(() => undefined)
            .then(() => {
              if (closed) return;
              signalProcess(pid, 'SIGTERM', true);
              timers.push(
                setTimeout(() => {
                  if (!closed) signalProcess(pid, 'SIGKILL', true);
                }, KILL_GRACE_MS),
              );
            });
        }, options.timeoutMs),
      );
    }
    const finish = () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      if (child.pid !== undefined) live.delete(child.pid);
    };
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      stdout = options.fullStdout ? stdout + chunk : keepTail(stdout + chunk);
      output = keepTail(output + chunk);
      options.onOutput?.(chunk);
    });
    child.stderr!.on('data', (chunk: string) => {
      stderr = keepTail(stderr + chunk);
      output = keepTail(output + chunk);
      options.onOutput?.(chunk);
    });
    child.on('error', (error) => {
      finish();
      resolve({
        code: null,
        spawnError: error.message,
        stdout,
        stderr,
        output,
        seconds: seconds(),
      });
    });
    child.on('close', (code) => {
      finish();
      resolve({
        code,
        stdout,
        stderr,
        output,
        seconds: seconds(),
        ...(timedOut ? { timedOut: true } : {}),
      });
    });
  });
}

/** The same, blocking: only for the clean-up that runs as the process exits. */
export function runCommandSync(command: string, args: readonly string[]): number | null {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 120_000 });
  return result.status;
}

/** The last `lines` non-empty lines of a log, for an error message. */
export function logTail(log: string, lines = 15): string {
  return log
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(-lines)
    .join('\n');
}
