/**
 * Puts fake `docker` / `podman` / `buildah` commands (test/helpers/fake-builder.sh) in a temporary
 * bin directory, and gives the environment that makes them the only builders on PATH, the calls
 * they recorded, and the images they still hold.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { BuildahBuilder } from '../../src/builder/buildah.js';
import { DockerBuilder } from '../../src/builder/docker.js';
import { PodmanBuilder } from '../../src/builder/podman.js';
import type { Builder, BuilderKind } from '../../src/builder/types.js';

/** Every builder kind, and the jest timeout for tests that run the fakes (shell scripts, slow on a busy machine). */
export const FAKE_KINDS: BuilderKind[] = ['docker', 'podman', 'buildah'];
export const FAKE_TIMEOUT = 60_000;

/** A builder of `kind` that runs whatever `docker`/`podman`/`buildah` is on PATH (the fakes). */
export function fakeBuilderOf(kind: BuilderKind): Builder {
  if (kind === 'docker') return new DockerBuilder(true, 'docker (fake)');
  if (kind === 'podman') return new PodmanBuilder('podman (fake)');
  return new BuildahBuilder('buildah (fake)');
}

const SCRIPT = join(process.cwd(), 'test', 'helpers', 'fake-builder.sh');

export interface FakeBuilders {
  env: NodeJS.ProcessEnv;
  /**
   * Every call, in order: [tool, ...args]; and for each build ['#built', tag, Dockerfile text]
   * followed by the text of the ignore file the build used, if any.
   */
  calls(): string[][];
  /** Image references the fakes still hold (tags not removed). */
  images(): string[];
}

export function installFakeBuilders(
  dir: string,
  tools: readonly ('docker' | 'podman' | 'buildah')[],
  extraEnv: Record<string, string> = {},
): FakeBuilders {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const tool of tools) {
    // PATH holds nothing but the fakes (the script sets its own PATH for the tools it uses).
    writeFileSync(join(bin, tool), `#!/bin/sh\nexec /bin/sh '${SCRIPT}' ${tool} "$@"\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  const log = join(dir, 'builder-calls.log');
  const state = join(dir, 'builder-state');
  return {
    env: {
      ...process.env,
      PATH: bin,
      NO_COLOR: '1',
      FAKE_BUILDER_LOG: log,
      FAKE_BUILDER_STATE: state,
      ...extraEnv,
    },
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as string[])
            .map((call) =>
              call[0] === '#built'
                ? [
                    call[0],
                    call[1],
                    readFileSync(join(state, 'built', call[2]), 'utf8'),
                    ...(existsSync(join(state, 'built', `${call[2]}.ignore`))
                      ? [readFileSync(join(state, 'built', `${call[2]}.ignore`), 'utf8')]
                      : []),
                  ]
                : call,
            )
        : [],
    images: () => (existsSync(join(state, 'images')) ? readdirSync(join(state, 'images')) : []),
  };
}
