/**
 * Finding the builder: `--builder docker|podman|buildah`, or else the first of them that actually
 * works here. "Works" is checked, not assumed: a `docker` client without a daemon is not a builder.
 */
import { probeBuildah } from './buildah.js';
import { probeDocker } from './docker.js';
import { probePodman } from './podman.js';
import { BUILDER_KINDS, BuilderError, type Builder, type BuilderKind } from './types.js';

const PROBES: Record<BuilderKind, () => Promise<Builder>> = {
  docker: () => probeDocker(),
  podman: () => probePodman(),
  buildah: () => probeBuildah(),
};

export async function findBuilder(choice: BuilderKind | 'auto' = 'auto'): Promise<Builder> {
  const candidates = choice === 'auto' ? BUILDER_KINDS : [choice];
  const failures: string[] = [];
  for (const kind of candidates) {
    try {
      return await PROBES[kind]();
    } catch (error) {
      failures.push(firstLine((error as Error).message));
    }
  }
  throw new BuilderError(
    choice === 'auto'
      ? `no working image builder found (tried ${candidates.map((k, i) => `${k}: ${failures[i]}`).join('; ')})`
      : `--builder ${choice} does not work here: ${failures[0]}`,
  );
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? text;
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}
