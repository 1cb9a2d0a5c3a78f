/**
 * The options of `dockopt verify`, `--write --verify` and `--build`: which builder, what to build,
 * what to run in the images, whether to build the stages transforms ask about. Kept apart from
 * options.ts so that the build-related flags live in one place.
 *
 * None of them can be set in a configuration file, on purpose: they make dockopt run the
 * Dockerfile's build steps (and the entry point), and a configuration file belongs to the
 * repository being rewritten; over a fleet, a repository must not be able to make dockopt execute
 * its code. Building is the choice of whoever runs dockopt (docs/build.md).
 */
import type { Argv } from 'yargs';
import { BUILDER_KINDS, type BuilderKind } from '../builder/types.js';

export interface VerifyCliOptions {
  /** `dockopt verify`: build and report, write nothing. */
  command: boolean;
  /** `--verify` (with `--write`): write only rewrites that build. */
  verify: boolean;
  builder: BuilderKind | 'auto';
  target?: string;
  smoke?: string;
  buildArgs: string[];
  compressed: boolean;
  /** `--build`: build the stages transforms ask about, run the file again with what they tell. */
  build: boolean;
  /** `--refresh-facts`: ignore cached facts, build again (and cache the new answers). */
  refreshFacts: boolean;
}

export function withVerifyOptions<T>(argv: Argv<T>) {
  return argv
    .option('verify', {
      type: 'boolean',
      default: false,
      description: 'With --write: build each rewrite first; write only what builds',
    })
    .option('build', {
      type: 'boolean',
      default: false,
      description:
        'Build the stages that transforms ask about (unsafe ones such as multi-stage ask) and process the file again with what the images tell; with --write, such a rewrite is written only once it builds and passes a check',
    })
    .option('refresh-facts', {
      type: 'boolean',
      default: false,
      description: 'With --build: ignore the facts cached by earlier runs and build again',
    })
    .option('builder', {
      choices: ['auto', ...BUILDER_KINDS] as const,
      default: 'auto' as const,
      description:
        'Image builder for verify and --build (default: the first of docker, podman, buildah that works)',
    })
    .option('target', {
      type: 'string',
      description: 'verify: the stage to build (multi-stage Dockerfiles)',
    })
    .option('smoke', {
      type: 'string',
      description:
        'verify: a command run with /bin/sh -c in both images; exit codes must agree (for a rewrite made with --build, instead of the default check)',
    })
    .option('build-arg', {
      type: 'string',
      description: 'verify and --build: a build argument KEY=VALUE (repeatable)',
    })
    .option('compressed', {
      type: 'boolean',
      default: false,
      description: 'verify: also measure compressed (gzip) sizes, where the builder can tell',
    });
}

type Parsed = {
  verify: boolean;
  builder: BuilderKind | 'auto';
  target?: string;
  smoke?: string;
  'build-arg'?: string | string[];
  compressed: boolean;
  build: boolean;
  'refresh-facts': boolean;
  write?: boolean;
  check?: boolean;
  print?: boolean;
  'list-different'?: boolean;
};

/** Reads the verify options; returns an error message for a combination that makes no sense. */
export function readVerifyOptions(
  parsed: Parsed,
  command: boolean,
  paths: readonly string[],
): VerifyCliOptions | string {
  const options: VerifyCliOptions = {
    command,
    verify: parsed.verify,
    builder: parsed.builder,
    target: parsed.target,
    smoke: parsed.smoke,
    buildArgs: ([] as string[]).concat(parsed['build-arg'] ?? []),
    compressed: parsed.compressed,
    build: parsed.build,
    refreshFacts: parsed['refresh-facts'],
  };
  // Rewrites are built (and checked) by `verify`, `--write --verify` and `--write --build`.
  const verifying = command || parsed.verify || (parsed.build && Boolean(parsed.write));
  if (parsed.verify && !parsed.write && !command)
    return '--verify goes with --write (or use: dockopt verify [paths])';
  if (command && (parsed.check || parsed.print || parsed['list-different']))
    return 'dockopt verify builds and reports; it does not take --check, --print or --list-different';
  if ((verifying || parsed.build) && paths.includes('-'))
    return `cannot ${parsed.build ? 'build' : 'verify'} stdin: the build needs the Dockerfile and its context on disk`;
  if (parsed['refresh-facts'] && !parsed.build) return '--refresh-facts goes with --build';
  // --builder and --build-arg also serve the builds of --build; the rest only verification.
  const stray: string[] = [];
  if (!verifying) {
    if (!parsed.build && parsed.builder !== 'auto') stray.push('builder');
    for (const name of ['target', 'smoke'] as const)
      if (parsed[name] !== undefined) stray.push(name);
    if (!parsed.build && parsed['build-arg'] !== undefined) stray.push('build-arg');
    if (parsed.compressed) stray.push('compressed');
  }
  if (stray.length > 0)
    return `${stray.map((s) => `--${s}`).join(', ')} only apply to dockopt verify or --write --verify (and --write --build)`;
  return options;
}
