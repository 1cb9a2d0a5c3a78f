/**
 * Buildah: `buildah bud --layers --force-rm` (without --layers buildah squashes every step into one
 * layer, and layer counts would mean nothing), `buildah from` + `buildah run` for smoke and exec commands
 * (they need no container runtime's own set-up, where `podman run` can fail).
 */
import { randomBytes } from 'node:crypto';
import {
  commonBuildFlags,
  compressedSizeViaOciLayout,
  createdBy,
  execResult,
  failUnlessOk,
  runBuild,
  runJson,
} from './common.js';
import { runCommand, runCommandSync, type CommandOptions, type CommandResult } from './process.js';
import { onExitCleanup } from './temp-images.js';
import {
  BuilderError,
  type Builder,
  type BuildRequest,
  type BuildResult,
  type ExecOptions,
  type ExecResult,
  type ImageFacts,
  type SmokeResult,
} from './types.js';

interface BuildahImage {
  FromImageID: string;
  /** The image manifest, as a JSON string: its layer sizes are the uncompressed sizes here. */
  Manifest: string;
  OCIv1: {
    rootfs?: { diff_ids?: string[] };
    history?: { created_by?: string; empty_layer?: boolean }[];
  };
}

export class BuildahBuilder implements Builder {
  readonly kind = 'buildah';

  constructor(
    readonly description: string,
    private readonly command = 'buildah',
  ) {}

  build(request: BuildRequest): Promise<BuildResult> {
    const ignore = request.ignoreFile ? ['--ignorefile', request.ignoreFile] : [];
    // --force-rm: without it a failed step leaves its working container (a whole root file
    // system copy with vfs) behind; podman removes it by default, buildah does not.
    const args = [
      'bud',
      '--layers',
      '--force-rm',
      ...ignore,
      ...commonBuildFlags(request),
      request.context,
    ];
    return runBuild(this.command, args, request);
  }

  async inspect(ref: string): Promise<ImageFacts> {
    const image = (await runJson(this.command, [
      'inspect',
      '--type',
      'image',
      ref,
    ])) as BuildahImage;
    const manifest = JSON.parse(image.Manifest) as { layers?: { size: number }[] };
    const diffIds = image.OCIv1.rootfs?.diff_ids ?? [];
    return {
      id: image.FromImageID,
      size: (manifest.layers ?? []).reduce((sum, layer) => sum + layer.size, 0),
      layers: diffIds.length,
      diffIds,
      history: (image.OCIv1.history ?? []).map((h) => ({
        createdBy: createdBy(h),
        emptyLayer: Boolean(h.empty_layer),
      })),
    };
  }

  compressedSize(ref: string): Promise<number | null> {
    return compressedSizeViaOciLayout(
      this.command,
      (image, destination) => [
        'push',
        '--quiet',
        '--compression-format',
        'gzip',
        image,
        destination,
      ],
      ref,
    );
  }

  async smoke(ref: string, command: string): Promise<SmokeResult> {
    const answer = await this.inContainer(ref, [], ['/bin/sh', '-c', command], {});
    if ('failed' in answer) return { code: null, output: answer.failed };
    return { code: answer.code, output: answer.spawnError ?? answer.output };
  }

  async exec(ref: string, argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    if (argv.length === 0) throw new BuilderError('exec: empty command');
    const user = options.user === undefined ? [] : ['--user', options.user];
    // At a timeout the `buildah run` process group is stopped: with chroot isolation the
    // command's processes are in it (no PID namespace), and `buildah rm` follows as always.
    const answer = await this.inContainer(ref, user, argv, {
      fullStdout: true,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
    if ('failed' in answer) return { code: null, stdout: '', stderr: answer.failed };
    return execResult(this.command, answer);
  }

  /**
   * `buildah from` + `buildah run [runFlags] <container> -- argv` + `buildah rm`: no container
   * runtime's own set-up needed (where `podman run` can fail). `options` (a timeout) apply to the
   * `buildah run` alone.
   */
  private async inContainer(
    ref: string,
    runFlags: readonly string[],
    argv: readonly string[],
    options: CommandOptions,
  ): Promise<CommandResult | { failed: string }> {
    // Named before it exists, so that an interrupt during `buildah from` still removes it.
    const container = `dockopt-smoke-${process.pid}-${randomBytes(4).toString('hex')}`;
    const release = onExitCleanup(`buildah-container:${container}`, () =>
      runCommandSync(this.command, ['rm', container]),
    );
    try {
      const from = await runCommand(this.command, [
        'from',
        '--pull=never',
        '--quiet',
        '--name',
        container,
        ref,
      ]);
      if (from.code !== 0) return { failed: from.spawnError ?? from.output };
      return await runCommand(
        this.command,
        ['run', ...runFlags, container, '--', ...argv],
        options,
      );
    } finally {
      await runCommand(this.command, ['rm', container]);
      release();
    }
  }

  async remove(refs: readonly string[]): Promise<void> {
    if (refs.length > 0) await runCommand(this.command, ['rmi', ...refs]);
  }

  removeSync(refs: readonly string[]): void {
    if (refs.length > 0) runCommandSync(this.command, ['rmi', ...refs]);
  }
}

/** Buildah works here when it can open its storage (`buildah info`). */
export async function probeBuildah(command = 'buildah'): Promise<BuildahBuilder> {
  const version = await runCommand(command, ['version']);
  failUnlessOk(command, ['version'], version);
  failUnlessOk(command, ['info'], await runCommand(command, ['info']));
  const number = /version:?\s+(\S+)/i.exec(version.stdout)?.[1];
  return new BuildahBuilder(number ? `buildah ${number}` : 'buildah', command);
}
