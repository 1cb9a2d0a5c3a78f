/**
 * What transforms may know beyond the Dockerfile text: run-wide settings, and the build context
 * (the directory `docker build` would send), when it is on disk.
 */

export interface Settings {
  /**
   * How package-manager caches are kept out of layers: `cleanup` removes them in the RUN that
   * wrote them; `mounts` uses BuildKit cache mounts instead (faster rebuilds, needs BuildKit).
   */
  cacheStrategy: 'cleanup' | 'mounts';
  /** Which smaller base images `base-image` may switch to. */
  basePolicy: 'slim' | 'alpine' | 'distroless';
}

export const DEFAULT_SETTINGS: Settings = { cacheStrategy: 'cleanup', basePolicy: 'slim' };

/**
 * The build context of a Dockerfile. Paths are relative to the context root, `/`-separated, as
 * COPY/ADD sources are written. Absent (null in the transform context) when the Dockerfile came
 * from stdin or the API without a context directory: transforms that need files then refuse or
 * become unsafe.
 */
export interface BuildContext {
  /** Absolute path of the context directory. */
  root: string;
  /** The Dockerfile's path relative to the root, when it lies inside it. */
  dockerfile: string | null;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** File contents as UTF-8, or null when missing or unreadable. */
  readText(path: string): string | null;
  /** The first `bytes` bytes of a file (fewer if it is shorter), or null when missing or unreadable. */
  readHead?(path: string, bytes: number): Uint8Array | null;
  /** Entry names of a directory ('' is the root), sorted; empty when missing. */
  list(path: string): string[];
}
