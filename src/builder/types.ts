/** What dockopt needs from an image builder, whichever one is installed. */

export type BuilderKind = 'docker' | 'podman' | 'buildah';

export const BUILDER_KINDS: readonly BuilderKind[] = ['docker', 'podman', 'buildah'];

export interface BuildRequest {
  /** Path of the Dockerfile to build (it may live outside the context). */
  dockerfile: string;
  /** The build context directory. */
  context: string;
  /** The tag to give the image; the caller removes it (see TempImages). */
  tag: string;
  /** `--target`: the stage to build, for multi-stage files. */
  target?: string;
  /** `--build-arg` values, `KEY=VALUE` (or `KEY` to take it from the environment). */
  buildArgs?: readonly string[];
  /**
   * An ignore file to use instead of the context's `.dockerignore`. It sits next to `dockerfile`
   * as `<name>.dockerignore` (where BuildKit looks first); podman and buildah are given its path.
   */
  ignoreFile?: string;
  /** Streams the build log (verbose mode). */
  onOutput?: (chunk: string) => void;
}

export interface BuildResult {
  ok: boolean;
  /** Wall-clock time of the build command. */
  seconds: number;
  /** The end of the builder's output (its error, when the build failed). */
  log: string;
}

export interface HistoryEntry {
  createdBy: string;
  /** No layer of its own (ENV, CMD, ...). */
  emptyLayer: boolean;
}

export interface ImageFacts {
  id: string;
  /** Uncompressed size in bytes, as the builder reports it. */
  size: number;
  /** Number of filesystem layers (base image layers included). */
  layers: number;
  /** Layer digests (uncompressed), base first. */
  diffIds: string[];
  /** Build steps, base first, when the builder reports them (docker does not: empty). */
  history: HistoryEntry[];
}

export interface SmokeResult {
  /** Exit code of the command; null when it could not be run at all. */
  code: number | null;
  output: string;
}

export interface ExecOptions {
  /** `user[:group]` to run as (`0:0` to read every file); the image's USER when absent. */
  user?: string;
  /**
   * Stop the command after this many milliseconds: the container is killed and removed, and the
   * result says `timedOut` (for starting an entry point that may well run for ever).
   */
  timeoutMs?: number;
}

export interface ExecResult {
  /** Exit code of the command; null when it could not be run at all. */
  code: number | null;
  /** The whole of the command's stdout. */
  stdout: string;
  /** The end of its stderr, with the builder's own errors (no such image, no such file). */
  stderr: string;
  /** Set when the builder command itself could not be started. */
  spawnError?: string;
  /** The command was still running at `timeoutMs` and was stopped (`code` then means nothing). */
  timedOut?: boolean;
}

export interface Builder {
  kind: BuilderKind;
  /** What was found, for messages: `buildah 1.28.2`, `docker buildx`. */
  description: string;
  build(request: BuildRequest): Promise<BuildResult>;
  inspect(ref: string): Promise<ImageFacts>;
  /**
   * Compressed size (gzip, as pushed to a registry), where the builder can tell without a
   * registry; null otherwise. Costs a full compression of the image.
   */
  compressedSize(ref: string): Promise<number | null>;
  /** Runs `/bin/sh -c command` in a container of the image (its entrypoint bypassed). */
  smoke(ref: string, command: string): Promise<SmokeResult>;
  /**
   * Runs `argv` (no shell around it) in a throw-away container of the image, its entrypoint
   * bypassed, and keeps stdout whole and stderr apart: for commands whose answer is data.
   */
  exec(ref: string, argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** Removes images by reference; missing ones are not an error. */
  remove(refs: readonly string[]): Promise<void>;
  /** The same, blocking, for the clean-up at exit (after an interrupt). */
  removeSync(refs: readonly string[]): void;
}

export class BuilderError extends Error {}
