/**
 * From discovered files to tasks: each file's configuration (nearest config file, its overrides,
 * then the command line), leaving out what a config excludes, and checking every transform id
 * named against the transforms that file can see.
 */
import { dirname, resolve } from 'node:path';
import { selectTransforms } from '../core/selection.js';
import type { Transform } from '../core/transform.js';
import { ConfigLoader, type LoadedConfig } from './config/load.js';
import { combineLayers, ConfigMatcher } from './config/resolve.js';
import type { SelectionLayer } from './config/schema.js';
import type { Target } from './discover.js';
import type { CliOptions } from './options.js';
import type { FileSettings, FileTask } from './process-file.js';

export interface PlannedTask extends FileTask {
  /** Top directory of the file's git repository, or null. */
  repo: string | null;
}

export class Planner {
  private readonly loader: ConfigLoader;
  private readonly matchers = new Map<LoadedConfig, ConfigMatcher>();
  private readonly settings = new Map<string, FileSettings>();
  private readonly cliLayer: SelectionLayer;

  constructor(
    private readonly options: CliOptions,
    private readonly known: readonly Transform[],
  ) {
    this.loader = new ConfigLoader(options.config, known);
    this.cliLayer = {
      ...(options.only.length ? { only: options.only } : {}),
      enable: options.enable,
      disable: options.disable,
      ...(options.unsafe ? { unsafe: true } : {}),
      settings: options.settingsGiven,
    };
  }

  /** Every transform this run has seen: built-in, `--transform`, and those of config files. */
  allTransforms(): Transform[] {
    const all = new Map(this.known.map((t) => [t.meta.id, t]));
    for (const loaded of this.matchers.keys())
      for (const t of loaded.transforms) if (!all.has(t.meta.id)) all.set(t.meta.id, t);
    return [...all.values()];
  }

  /** Throws ConfigError (a bad config file) or SelectionError (an unknown id on the command line). */
  async plan(target: Target, stdinText?: string): Promise<PlannedTask | null> {
    const stdin = target.path === '-';
    // A config for stdin is looked up from where --stdin-filepath says the file lives.
    const where = resolve(stdin ? (this.options.stdinFilepath ?? 'Dockerfile') : target.path);
    const loaded = await this.loader.forFile(where);
    let key = 'none';
    let layers: SelectionLayer[] = [];
    if (loaded) {
      let matcher = this.matchers.get(loaded);
      if (!matcher) {
        // With --config FILE, paths in it are relative to the working directory.
        const base = this.options.config ? process.cwd() : dirname(loaded.config.file);
        this.matchers.set(loaded, (matcher = new ConfigMatcher(loaded.config, base)));
      }
      if (!stdin && matcher.excludes(where)) return null;
      const applied = matcher.layersFor(where);
      layers = applied.layers;
      key = `${loaded.config.file}\0${applied.key}`;
    }
    let settings = this.settings.get(key);
    if (!settings) {
      settings = this.fileSettings(layers, loaded);
      this.settings.set(key, settings);
    }
    return {
      path: target.path,
      name: stdin ? (this.options.stdinFilepath ?? '<stdin>') : target.path,
      ...(stdinText !== undefined ? { stdinText } : {}),
      settings,
      repo: target.repo,
    };
  }

  private fileSettings(layers: SelectionLayer[], loaded: LoadedConfig | null): FileSettings {
    const resolved = combineLayers([...layers, this.cliLayer]);
    const transforms = [...this.known, ...(loaded?.transforms ?? [])];
    // Ids on the command line must exist for this file too (a config may add custom ones).
    selectTransforms(transforms, resolved);
    const options = this.options;
    return {
      ...(resolved.only ? { only: resolved.only } : {}),
      enable: resolved.enable,
      disable: resolved.disable,
      unsafe: resolved.unsafe,
      options: resolved.options,
      cacheStrategy: resolved.settings.cacheStrategy,
      basePolicy: resolved.settings.basePolicy,
      context: options.context,
      maxFileSize: options.maxFileSize,
      transformModules: [...options.transformModules, ...(loaded?.config.transforms ?? [])],
      // Dry runs show the diff (text) or carry it in the report (json).
      diff: !options.write && !options.check && !options.listDifferent && !options.print,
    };
  }
}
