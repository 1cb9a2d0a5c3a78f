/**
 * Temporary images and containers: named by dockopt, removed by dockopt, also when it is
 * interrupted. A tag is registered *before* the build that makes it starts, so an interrupt in the
 * middle of a build still removes whatever the build managed to tag.
 *
 * On exit (including `process.exit` from a SIGINT/SIGTERM handler) the builder commands still
 * running are stopped first, so none of them tags an image after its removal, then everything
 * registered is removed, synchronously.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { liveChildGroups, signalProcess } from './process.js';

type SyncCleanup = () => void;

const pending = new Map<string, SyncCleanup>();
let exitHookInstalled = false;

/** Registers a clean-up to run at exit unless `release`d first; returns the release function. */
export function onExitCleanup(key: string, cleanup: SyncCleanup): () => void {
  installExitHook();
  pending.set(key, cleanup);
  return () => pending.delete(key);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', runPendingCleanups);
  // Without a handler, SIGINT/SIGTERM end the process without an 'exit' event: add one that exits
  // properly, unless the program installed its own (the CLI does, and calls process.exit).
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(code));
  }
}

/** Stops the builder commands still running, then runs every pending clean-up. */
export function runPendingCleanups(): void {
  stopChildren();
  for (const [key, cleanup] of [...pending]) {
    pending.delete(key);
    try {
      cleanup();
    } catch {
      // Best effort: the process is exiting, and one failed removal must not stop the others.
    }
  }
}

/** Commands run under a timeout lead a process group of their own: the group is signalled. */
function stopChildren(): void {
  const children = liveChildGroups();
  for (const { pid, group } of children) signalProcess(pid, 'SIGTERM', group);
  const deadline = Date.now() + 30_000;
  while (children.some((c) => isAlive(c.pid)) && Date.now() < deadline) sleepSync(100);
  for (const { pid, group } of children.filter((c) => isAlive(c.pid)))
    signalProcess(pid, 'SIGKILL', group);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A child that exited is a zombie until the event loop reaps it, which it cannot do while this
  // clean-up blocks: on Linux, read its state instead of waiting for the deadline.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Unique names for this run's temporary images: `localhost/dockopt-verify:<pid>-<random>-<n>`. */
export class TempNames {
  private readonly prefix = `${process.pid}-${randomBytes(3).toString('hex')}`;
  private next = 0;

  constructor(private readonly repository = 'localhost/dockopt-verify') {}

  tag(label: string): string {
    const safe = label
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .slice(0, 40);
    return `${this.repository}:${this.prefix}-${this.next++}${safe ? `-${safe}` : ''}`;
  }
}
