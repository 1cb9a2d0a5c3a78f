/**
 * A progress bar on stderr (cli-progress) for long runs: files done / total, changed, errors and
 * the time left. Only when stderr is a terminal and there are many files: never in CI logs or
 * pipes. While it runs, other stderr lines are printed above it.
 */
import { MultiBar, type SingleBar } from 'cli-progress';
import type { FileResult } from './process-file.js';

/** Below this many files a run is over before a bar would help. */
export const PROGRESS_MIN_FILES = 50;

export interface Progress {
  done(result: FileResult): void;
  /** Prints a line (ending in a newline) above the bar. */
  log(text: string): void;
  stop(): void;
}

export function startProgress(total: number, stream: NodeJS.WriteStream): Progress {
  const bars = new MultiBar({
    stream,
    format:
      'dockopt [{bar}] {value}/{total} files | {changed} changed | {errors} errors | ETA {eta_formatted}',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 500,
    fps: 10,
  });
  const counts = { changed: 0, errors: 0 };
  const bar: SingleBar = bars.create(total, 0, counts);
  let stopped = false;
  return {
    done(result) {
      if (result.status === 'changed') counts.changed++;
      counts.errors += result.errors.length;
      bar.increment(1, counts);
    },
    log(text) {
      if (stopped) stream.write(text);
      else bars.log(text);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bars.stop();
    },
  };
}

/** Whether to show a bar: asked for (--progress), or by default on a terminal for many files. */
export function wantsProgress(
  asked: boolean | undefined,
  stderrIsTTY: boolean,
  files: number,
): boolean {
  return asked ?? (stderrIsTTY && !process.env.CI && files >= PROGRESS_MIN_FILES);
}
