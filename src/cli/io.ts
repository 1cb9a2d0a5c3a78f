/** Where the command line's output goes: the process's streams, or a test's buffers. */
import { readFileSync } from 'node:fs';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  stdoutIsTTY: boolean;
  /** Where a progress bar may go (a terminal); absent: no bar. */
  progressStream?: NodeJS.WriteStream;
}

/**
 * A reader that stops early (`dockopt . | head`) closes the pipe: further output is dropped
 * quietly, and the run finishes its work (a --write run must not stop half way).
 */
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

export const processIo: Io = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0, 'utf8'),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  ...(process.stderr.isTTY ? { progressStream: process.stderr } : {}),
};
