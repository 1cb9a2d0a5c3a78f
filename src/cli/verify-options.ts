/**
 * The options of `dockopt verify` and `--write --verify`: which builder, what to build, what to run
 * in the images. Kept apart from options.ts so that the build-related flags live in one place.
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
}

export function withVerifyOptions<T>(argv: Argv<T>) {
  return argv
    .option('verify', {
      type: 'boolean',
      default: false,
      description: 'With --write: build each rewrite first; write only what builds',
    })
    .option('builder', {
      choices: ['auto', ...BUILDER_KINDS] as const,
      default: 'auto' as const,
      description:
        'Image builder for verify (default: the first of docker, podman, buildah that works)',
    })
    .option('target', {
      type: 'string',
      description: 'verify: the stage to build (multi-stage Dockerfiles)',
    })
    .option('smoke', {
      type: 'string',
      description: 'verify: a command run with /bin/sh -c in both images; exit codes must agree',
    })
    .option('build-arg', {
      type: 'string',
      description: 'verify: a build argument KEY=VALUE (repeatable)',
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
  };
  const building = command || parsed.verify;
  if (parsed.verify && !parsed.write && !command)
    return '--verify goes with --write (or use: dockopt verify [paths])';
  if (command && (parsed.check || parsed.print || parsed['list-different']))
    return 'dockopt verify builds and reports; it does not take --check, --print or --list-different';
  if (building && paths.includes('-'))
    return 'cannot verify stdin: the build needs the Dockerfile and its context on disk';
  if (!building) {
    const stray = ['target', 'smoke', 'build-arg', 'compressed'].filter((name) =>
      name === 'compressed' ? parsed.compressed : parsed[name as keyof Parsed] !== undefined,
    );
    if (parsed.builder !== 'auto') stray.unshift('builder');
    if (stray.length > 0)
      return `${stray.map((s) => `--${s}`).join(', ')} only apply to dockopt verify or --write --verify`;
  }
  return options;
}
