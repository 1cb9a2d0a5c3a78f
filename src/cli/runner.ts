/**
 * Runs `processFile` over many files, in this process (`--run-in-band`, or few files) or on a pool
 * of worker threads, and hands the results to `onResult` in input order whatever order the
 * workers finish in. Files go to workers in small batches (one message per batch, not per file),
 * and only a bounded number of batches is in flight: memory does not grow with the file count.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { processFile, type FileResult, type FileTask } from './process-file.js';

export interface RunnerOptions {
  /** Worker threads; 1 runs in this process. Undefined: as many as there are cores, for many files. */
  jobs?: number;
}

/** Below this many files per worker, starting a worker costs more than it saves. */
const FILES_PER_WORKER = 32;
const MAX_BATCH = 16;
/** Batches in flight per worker: enough to keep it busy, few enough to bound memory. */
const WINDOW_PER_WORKER = 4;

export function workerCount(files: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.floor(jobs));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)));
}

export async function runFiles(
  tasks: readonly FileTask[],
  options: RunnerOptions,
  onResult: (result: FileResult) => void | Promise<void>,
): Promise<void> {
  const workers = workerCount(tasks.length, options.jobs);
  if (workers === 1) {
    for (const task of tasks) {
      await onResult(await processFile(task));
      await turnOfEventLoop();
    }
    return;
  }
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  try {
    const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(tasks.length / (workers * 8))));
    const inFlight: Promise<FileResult[]>[] = [];
    const drainOne = async () => {
      for (const result of await inFlight.shift()!) await onResult(result);
      await turnOfEventLoop();
    };
    for (let at = 0; at < tasks.length; at += size) {
      const batch = tasks.slice(at, at + size);
      inFlight.push(
        (pool.run(batch) as Promise<FileResult[]>).catch((error: unknown) =>
          batch.map((task) => crashed(task, error)),
        ),
      );
      if (inFlight.length >= workers * WINDOW_PER_WORKER) await drainOne();
    }
    while (inFlight.length > 0) await drainOne();
  } finally {
    await pool.destroy();
  }
}

/**
 * Lets the event loop run: a signal (Ctrl-C, SIGTERM) is only handled there. Processing in band is
 * synchronous, and Tinypool hands back results synchronously (Atomics) while workers keep up, so
 * without this a whole run could go by before an interrupt is seen.
 */
function turnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A worker died under this batch (out of memory, a native crash): report, do not hang. */
function crashed(task: FileTask, error: unknown): FileResult {
  return {
    path: task.path,
    name: task.name,
    status: 'error',
    findings: [],
    errors: [`internal error: worker failed: ${(error as Error)?.message ?? error}`],
    estimatedBytes: 0,
  };
}
