/**
 * One builder per run, whoever needs it first: `--verify` (at the start, as it always did) or
 * `--build` (when a file first asks). Finding one runs the builder's own commands (`docker
 * version`, `buildah info`...): done once, announced once on stderr.
 */
import { findBuilder } from '../builder/detect.js';
import { BuilderError, type Builder, type BuilderKind } from '../builder/types.js';
import type { Io } from './io.js';

export class BuilderLookup {
  private found: Promise<Builder | string> | null = null;

  constructor(
    private readonly choice: BuilderKind | 'auto',
    private readonly io: Io,
  ) {}

  /** The builder, or why none works here (`purpose` words the announcement: `verifying with …`). */
  find(purpose: 'verifying' | 'building'): Promise<Builder | string> {
    this.found ??= findBuilder(this.choice).then(
      (builder) => {
        this.io.stderr(`dockopt: ${purpose} with ${builder.description}\n`);
        return builder;
      },
      (error: unknown) => {
        if (error instanceof BuilderError) return error.message;
        throw error;
      },
    );
    return this.found;
  }

  /**
   * A builder for gathering facts. The facts cache is keyed by the builder's kind, so with
   * `--builder <kind>` a cached answer needs no builder at all: the one returned is only looked
   * for when something has to be built or run (a CI job with the cache restored and no builder
   * works). With `auto` the kind is not known until one is found.
   */
  async forFacts(): Promise<Builder | string> {
    if (this.choice === 'auto') return this.find('building');
    return new DeferredBuilder(this.choice, () => this.find('building'));
  }
}

/** A builder of a known kind that is looked for on first use; its failure is a BuilderError. */
class DeferredBuilder implements Builder {
  readonly description: string;
  private real: Builder | null = null;

  constructor(
    readonly kind: BuilderKind,
    private readonly lookup: () => Promise<Builder | string>,
  ) {
    this.description = kind;
  }

  private async builder(): Promise<Builder> {
    if (this.real) return this.real;
    const found = await this.lookup();
    if (typeof found === 'string') throw new BuilderError(found);
    return (this.real = found);
  }

  build: Builder['build'] = async (request) => (await this.builder()).build(request);
  inspect: Builder['inspect'] = async (ref) => (await this.builder()).inspect(ref);
  compressedSize: Builder['compressedSize'] = async (ref) =>
    (await this.builder()).compressedSize(ref);
  smoke: Builder['smoke'] = async (ref, command) => (await this.builder()).smoke(ref, command);
  exec: Builder['exec'] = async (ref, argv, options) =>
    (await this.builder()).exec(ref, argv, options);

  /** Nothing can have been made before the builder was found. */
  remove: Builder['remove'] = async (refs) => {
    if (this.real) await this.real.remove(refs);
  };

  removeSync: Builder['removeSync'] = (refs) => {
    this.real?.removeSync(refs);
  };
}
