/**
 * Finding and loading configuration files (lilconfig): for each Dockerfile, the nearest of
 * `package.json` ("dockopt" key), `.dockoptrc` (JSON or YAML), `.dockoptrc.json`,
 * `.dockoptrc.yaml`, `.dockoptrc.yml`, `dockopt.config.js`, `dockopt.config.mjs`,
 * `dockopt.config.cjs`, `dockopt.config.json`, searching from the file's directory upwards.
 * The nearest file wins whole (no merging with files further up). `--config FILE` uses one file
 * for everything; `--no-config` uses none. Each file is loaded, validated and its custom
 * transforms imported once.
 */
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  defaultLoaders,
  lilconfig,
  lilconfigSync,
  type Loader,
  type LoaderResult,
  type LoaderSync,
} from 'lilconfig';
import { parse as parseYaml } from 'yaml';
import type { Transform, TransformMeta } from '../../core/transform.js';
import { loadTransformModules } from '../custom-transforms.js';
import { checkTransformIds, ConfigError, parseConfig, type DockoptConfig } from './schema.js';

export const CONFIG_FILES = [
  'package.json',
  '.dockoptrc',
  '.dockoptrc.json',
  '.dockoptrc.yaml',
  '.dockoptrc.yml',
  'dockopt.config.js',
  'dockopt.config.mjs',
  'dockopt.config.cjs',
  'dockopt.config.json',
];

/** Lower-cased: on a case-insensitive disk lilconfig's access() finds `Package.json` too. */
const CONFIG_NAMES = new Set(CONFIG_FILES.map((name) => name.toLowerCase()));
/** Folders whose search result is kept (here and in lilconfig's cache) before both are emptied. */
const SEARCH_CACHE_LIMIT = 4096;
/** Where lilconfig's search stops going up (its default `stopDir`). */
const STOP_DIR = resolve(homedir());

const yamlLoader: LoaderSync = (_path, content) => parseYaml(content) as LoaderResult;

/** A loader whose failure names the file (lilconfig's own errors do not). */
const naming =
  (loader: Loader): Loader =>
  async (path, content) => {
    try {
      return await loader(path, content);
    } catch (error) {
      throw new ConfigError(path, `cannot read: ${(error as Error).message}`);
    }
  };
const namingSync =
  (loader: LoaderSync): LoaderSync =>
  (path, content) => {
    try {
      return loader(path, content);
    } catch (error) {
      throw new ConfigError(path, `cannot read: ${(error as Error).message}`);
    }
  };

/** What the synchronous search makes of a JavaScript config: "here", to be imported later. */
const IMPORT_LATER = Symbol('import later');
const importLater: LoaderSync = () => IMPORT_LATER;

export interface LoadedConfig {
  config: DockoptConfig;
  /** The custom transforms this file adds. */
  transforms: Transform[];
}

export class ConfigLoader {
  /**
   * The search is synchronous: a fleet has a folder per Dockerfile, and the asynchronous search
   * waits on the thread pool for each of nine names in each folder (over a second for 2,000
   * folders). JSON and YAML are read during the search; JavaScript configs, which only an
   * asynchronous import can load, are marked and loaded by `explorer`.
   */
  private readonly finder = lilconfigSync('dockopt', {
    searchPlaces: CONFIG_FILES,
    loaders: {
      '.js': importLater,
      '.mjs': importLater,
      '.cjs': importLater,
      '.json': namingSync(defaultLoaders['.json'] as LoaderSync),
      '.yaml': namingSync(yamlLoader),
      '.yml': namingSync(yamlLoader),
      noExt: namingSync(yamlLoader),
    },
  });
  private readonly explorer = lilconfig('dockopt', {
    searchPlaces: CONFIG_FILES,
    loaders: {
      '.js': naming(defaultLoaders['.js']),
      '.mjs': naming(defaultLoaders['.mjs']),
      '.cjs': naming(defaultLoaders['.cjs']),
      '.json': naming(defaultLoaders['.json']),
      '.yaml': naming(yamlLoader),
      '.yml': naming(yamlLoader),
      // `.dockoptrc`: YAML, which also reads JSON.
      noExt: naming(yamlLoader),
    },
  });
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  /** Per folder, the folder the search may start from instead (see `searchStart`). */
  private readonly startOf = new Map<string, string>();

  /**
   * @param explicit `--config FILE` (absolute), `false` for `--no-config`, undefined to search.
   * @param known transforms every config may name (built-in and `--transform` ones).
   */
  constructor(
    private readonly explicit: string | false | undefined,
    private readonly known: readonly Transform[],
  ) {}

  /** The configuration that applies to a file (absolute path), or null. */
  async forFile(path: string): Promise<LoadedConfig | null> {
    if (this.explicit === false) return null;
    if (this.explicit) return this.load(this.explicit);
    let found;
    try {
      found = this.finder.search(this.searchStart(dirname(path)));
    } catch (error) {
      throw asConfigError(error, dirname(path));
    }
    if (!found) return null;
    return this.load(found.filepath, found.config === IMPORT_LATER ? undefined : found.config);
  }

  /**
   * lilconfig tries each of the nine names in each folder with an access() call, and every miss
   * throws an error: in a fleet, where each Dockerfile has a folder of its own, that was about 4%
   * of a first migration over 10,000 generated files (`node --cpu-prof`). One listing answers for
   * all nine names, and a folder that holds none of them gives the same result as its parent, so
   * the search starts at the nearest folder that holds one (or where lilconfig stops: the home
   * directory or the root). A folder that cannot be listed is left to lilconfig.
   */
  private searchStart(dir: string): string {
    const known = this.startOf.get(dir);
    if (known !== undefined) return known;
    // Both caches hold an entry per folder: bounded, so a run's memory does not grow with the fleet.
    if (this.startOf.size >= SEARCH_CACHE_LIMIT) {
      this.startOf.clear();
      this.finder.clearSearchCache();
    }
    let start = dir;
    const parent = dirname(dir);
    if (dir !== STOP_DIR && parent !== dir) {
      let names: string[] | null;
      try {
        names = readdirSync(dir);
      } catch {
        names = null;
      }
      if (names && !names.some((name) => CONFIG_NAMES.has(name.toLowerCase())))
        start = this.searchStart(parent);
    }
    this.startOf.set(dir, start);
    return start;
  }

  load(file: string, raw?: unknown): Promise<LoadedConfig> {
    let loaded = this.loaded.get(file);
    if (!loaded) this.loaded.set(file, (loaded = this.read(file, raw)));
    return loaded;
  }

  private async read(file: string, raw: unknown): Promise<LoadedConfig> {
    if (raw === undefined) {
      try {
        raw = (await this.explorer.load(file))?.config;
      } catch (error) {
        throw asConfigError(error, file);
      }
    }
    const parsed = parseConfig(raw, file);
    const config: DockoptConfig = {
      ...parsed,
      transforms: parsed.transforms.map((p) => (isAbsolute(p) ? p : resolve(dirname(file), p))),
    };
    let transforms: Transform[];
    try {
      transforms = await loadTransformModules(config.transforms);
    } catch (error) {
      throw new ConfigError(file, `transforms: ${(error as Error).message}`);
    }
    const metas: TransformMeta[] = [...this.known, ...transforms].map((t) => t.meta);
    checkTransformIds(config, metas);
    return { config, transforms };
  }
}

function asConfigError(error: unknown, file: string): ConfigError {
  if (error instanceof ConfigError) return error;
  return new ConfigError(file, `cannot read: ${(error as Error).message}`);
}
