/**
 * The settings for one file: the built-in defaults, then its configuration file, then the
 * config's overrides whose globs match it (in order), then the command line. A later layer wins:
 * its `only` replaces the earlier selection, its `enable`/`disable` beat earlier ones, options
 * merge per transform, settings per key.
 */
import { relative, sep } from 'node:path';
import ignore from 'ignore';
import picomatch from 'picomatch';
import { DEFAULT_SETTINGS, type Settings } from '../../core/context.js';
import type { DockoptConfig, SelectionLayer } from './schema.js';

export interface Resolved {
  only?: string[];
  enable: string[];
  disable: string[];
  unsafe: boolean;
  options: Record<string, Record<string, unknown>>;
  settings: Settings;
}

export function combineLayers(layers: readonly SelectionLayer[]): Resolved {
  let only: string[] | undefined;
  const enable = new Set<string>();
  const disable = new Set<string>();
  let unsafe = false;
  const options: Record<string, Record<string, unknown>> = {};
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const layer of layers) {
    if (layer.only?.length) {
      only = [...layer.only];
      enable.clear();
      disable.clear();
    }
    for (const id of layer.enable ?? []) (enable.add(id), disable.delete(id));
    for (const id of layer.disable ?? []) (disable.add(id), enable.delete(id));
    if (layer.unsafe !== undefined) unsafe = layer.unsafe;
    for (const [id, values] of Object.entries(layer.options ?? {}))
      options[id] = { ...options[id], ...values };
    Object.assign(settings, layer.settings);
  }
  return { only, enable: [...enable], disable: [...disable], unsafe, options, settings };
}

/** Matching of a config's exclude patterns and override globs, relative to its base directory. */
export class ConfigMatcher {
  private readonly excluded;
  private readonly overrides;

  constructor(
    private readonly config: DockoptConfig,
    private readonly base: string,
  ) {
    this.excluded = config.exclude.length ? ignore().add(config.exclude) : null;
    this.overrides = config.overrides.map((o) => ({
      layer: o,
      matches: globMatcher(o.files),
      excluded: o.excludeFiles.length ? globMatcher(o.excludeFiles) : null,
    }));
  }

  private relativePath(path: string): string | null {
    const rel = relative(this.base, path);
    return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : null;
  }

  excludes(path: string): boolean {
    const rel = this.relativePath(path);
    return this.excluded !== null && rel !== null && this.excluded.ignores(rel);
  }

  /** The config, then each override that applies to the file, in order; `key` names the set. */
  layersFor(path: string): { layers: SelectionLayer[]; key: string } {
    const rel = this.relativePath(path);
    const layers: SelectionLayer[] = [this.config];
    const applied: number[] = [];
    if (rel !== null)
      this.overrides.forEach((o, i) => {
        if (o.matches(rel) && !o.excluded?.(rel)) (layers.push(o.layer), applied.push(i));
      });
    return { layers, key: applied.join(',') };
  }
}

/**
 * Globs against a `/`-separated relative path; a pattern without `/` is matched against the file
 * name, wherever the file is (`*.dev`), as in .gitignore.
 */
function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const withSlash = patterns.filter((p) => p.includes('/'));
  const nameOnly = patterns.filter((p) => !p.includes('/'));
  const full = withSlash.length ? picomatch(withSlash, { dot: true }) : () => false;
  const name = nameOnly.length ? picomatch(nameOnly, { dot: true }) : () => false;
  return (path) => full(path) || name(path.slice(path.lastIndexOf('/') + 1));
}
