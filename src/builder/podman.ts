/** Podman: `podman build` (layers kept, as by default), `podman run` for smoke commands. */
import {
  commonBuildFlags,
  compressedSizeViaOciLayout,
  createdBy,
  failUnlessOk,
  runBuild,
  runExec,
  runJson,
} from './common.js';
import { runCommand, runCommandSync } from './process.js';
import type {
  Builder,
  BuildRequest,
  BuildResult,
  ExecOptions,
  ExecResult,
  ImageFacts,
  SmokeResult,
} from './types.js';
import { BuilderError } from './types.js';

export class PodmanBuilder implements Builder {
  readonly kind = 'podman';

  constructor(
    readonly description: string,
    private readonly command = 'podman',
  ) {}

  build(request: BuildRequest): Promise<BuildResult> {
    const ignore = request.ignoreFile ? ['--ignorefile', request.ignoreFile] : [];
    const args = ['build', '--layers', ...ignore, ...commonBuildFlags(request), request.context];
    return runBuild(this.command, args, request);
  }

  async inspect(ref: string): Promise<ImageFacts> {
    const answer = (await runJson(this.command, ['image', 'inspect', ref])) as {
      Id: string;
      Size: number;
      RootFS?: { Layers?: string[] };
      History?: { created_by?: string; empty_layer?: boolean }[];
    }[];
    const image = answer[0];
    if (!image) throw new BuilderError(`podman image inspect ${ref}: no such image`);
    const diffIds = image.RootFS?.Layers ?? [];
    return {
      id: image.Id,
      size: image.Size,
      layers: diffIds.length,
      diffIds,
      history: (image.History ?? []).map((h) => ({
        createdBy: createdBy(h),
        emptyLayer: Boolean(h.empty_layer),
      })),
    };
  }

  compressedSize(ref: string): Promise<number | null> {
    return compressedSizeViaOciLayout(
      this.command,
      (image, destination) => ['push', '--compression-format', 'gzip', image, destination],
      ref,
    );
  }

  async smoke(ref: string, command: string): Promise<SmokeResult> {
    const args = ['run', '--rm', '--entrypoint', '/bin/sh', ref, '-c', command];
    const result = await runCommand(this.command, args);
    return { code: result.code, output: result.spawnError ?? result.output };
  }

  exec(ref: string, argv: readonly string[], options?: ExecOptions): Promise<ExecResult> {
    return runExec(this.command, ref, argv, options, (name) => [
      'rm',
      '--force',
      '--time',
      '0',
      name,
    ]);
  }

  async remove(refs: readonly string[]): Promise<void> {
    if (refs.length > 0) await runCommand(this.command, ['rmi', ...refs]);
  }

  removeSync(refs: readonly string[]): void {
    if (refs.length > 0) runCommandSync(this.command, ['rmi', ...refs]);
  }
}

/** Podman works here when `podman info` can reach its storage and runtime. */
export async function probePodman(command = 'podman'): Promise<PodmanBuilder> {
  const info = await runCommand(command, ['version', '--format', '{{.Client.Version}}']);
  failUnlessOk(command, ['version'], info);
  failUnlessOk(command, ['info'], await runCommand(command, ['info']));
  return new PodmanBuilder(`podman ${info.stdout.trim()}`, command);
}
