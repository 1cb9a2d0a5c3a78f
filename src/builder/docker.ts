/**
 * Docker: `docker buildx build --load` when buildx is there (BuildKit), else the classic
 * `docker build`. Docker reports the uncompressed size and the layers, but not the build steps
 * behind them, nor a compressed size without a registry. A rewritten ignore file reaches the build
 * as `<Dockerfile>.dockerignore` beside the temporary Dockerfile, which BuildKit reads (the classic
 * builder only reads the context's `.dockerignore`, and builds such a rewrite with the old one).
 */
import { commonBuildFlags, failUnlessOk, runBuild, runExec, runJson } from './common.js';
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

export class DockerBuilder implements Builder {
  readonly kind = 'docker';

  constructor(
    private readonly buildx: boolean,
    readonly description: string,
    private readonly command = 'docker',
  ) {}

  build(request: BuildRequest): Promise<BuildResult> {
    const flags = commonBuildFlags(request);
    const args = this.buildx
      ? ['buildx', 'build', '--load', '--progress=plain', ...flags, request.context]
      : ['build', ...flags, request.context];
    return runBuild(this.command, args, request);
  }

  async inspect(ref: string): Promise<ImageFacts> {
    const answer = (await runJson(this.command, ['image', 'inspect', ref])) as {
      Id: string;
      Size: number;
      RootFS?: { Layers?: string[] };
    }[];
    const image = answer[0];
    if (!image) throw new BuilderError(`docker image inspect ${ref}: no such image`);
    const diffIds = image.RootFS?.Layers ?? [];
    return { id: image.Id, size: image.Size, layers: diffIds.length, diffIds, history: [] };
  }

  async compressedSize(): Promise<number | null> {
    return null;
  }

  async smoke(ref: string, command: string): Promise<SmokeResult> {
    const args = ['run', '--rm', '--entrypoint', '/bin/sh', ref, '-c', command];
    const result = await runCommand(this.command, args);
    return { code: result.code, output: result.spawnError ?? result.output };
  }

  exec(ref: string, argv: readonly string[], options?: ExecOptions): Promise<ExecResult> {
    return runExec(this.command, ref, argv, options, (name) => ['rm', '--force', name]);
  }

  async remove(refs: readonly string[]): Promise<void> {
    if (refs.length === 0) return;
    // Exit code ignored: a ref that was never made (failed build) is not an error.
    await runCommand(this.command, ['image', 'rm', ...refs]);
  }

  removeSync(refs: readonly string[]): void {
    if (refs.length > 0) runCommandSync(this.command, ['image', 'rm', ...refs]);
  }
}

/** Docker works here when the daemon answers (a client alone is not enough). */
export async function probeDocker(command = 'docker'): Promise<DockerBuilder> {
  const version = await runCommand(command, ['version', '--format', '{{.Server.Version}}']);
  failUnlessOk(command, ['version'], version);
  const server = version.stdout.trim();
  const buildx = await runCommand(command, ['buildx', 'version']);
  const hasBuildx = buildx.code === 0;
  return new DockerBuilder(hasBuildx, `docker ${server}${hasBuildx ? ' (buildx)' : ''}`, command);
}
