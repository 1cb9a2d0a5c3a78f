/**
 * What a configuration file may say, and its validation: an unknown key, transform id, option or
 * setting value is an error naming the file and the key (`overrides[1].options.apt-hygiene.x`).
 *
 *   enable / disable / only: transform ids     unsafe: boolean
 *   options: { <transform id>: { <option>: value } }
 *   settings: { cacheStrategy, basePolicy }
 *   exclude: gitignore patterns, relative to the config file's directory
 *   transforms: custom transform modules, relative to the config file's directory
 *   overrides: [{ files, excludeFiles?, enable, disable, only, unsafe, options, settings }]
 */
import { resolveOptions, type TransformMeta } from '../../core/transform.js';

export interface SelectionLayer {
  only?: string[];
  enable?: string[];
  disable?: string[];
  unsafe?: boolean;
  options?: Record<string, Record<string, unknown>>;
  settings?: {
    cacheStrategy?: 'cleanup' | 'mounts';
    basePolicy?: 'slim' | 'alpine' | 'distroless';
  };
}

export interface Override extends SelectionLayer {
  /** Globs relative to the config file's directory (a pattern without `/` matches file names). */
  files: string[];
  excludeFiles: string[];
}

export interface DockoptConfig extends SelectionLayer {
  /** Absolute path of the file it came from. */
  file: string;
  exclude: string[];
  /** Absolute paths of custom transform modules. */
  transforms: string[];
  overrides: Override[];
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

const SETTINGS: Record<string, readonly string[]> = {
  cacheStrategy: ['cleanup', 'mounts'],
  basePolicy: ['slim', 'alpine', 'distroless'],
};
const LAYER_KEYS = ['only', 'enable', 'disable', 'unsafe', 'options', 'settings'];
const TOP_KEYS = [...LAYER_KEYS, 'exclude', 'transforms', 'overrides', '$schema'];
const OVERRIDE_KEYS = ['files', 'excludeFiles', ...LAYER_KEYS];

/** Checks the shape that does not depend on which transforms exist; paths stay as written. */
export function parseConfig(
  raw: unknown,
  file: string,
): Omit<DockoptConfig, 'transforms'> & { transforms: string[] } {
  const fail = (key: string, message: string): never => {
    throw new ConfigError(file, key ? `${key}: ${message}` : message);
  };
  const object = asObject(raw ?? {}, '', fail);
  checkKeys(object, TOP_KEYS, '', fail);
  const overrides = asArray(object.overrides ?? [], 'overrides', fail).map((entry, i) => {
    const key = `overrides[${i}]`;
    const o = asObject(entry, key, fail);
    checkKeys(o, OVERRIDE_KEYS, key, fail);
    const files = stringList(o.files, `${key}.files`, fail);
    if (files.length === 0) fail(`${key}.files`, 'must name at least one glob');
    return {
      ...layer(o, key, fail),
      files,
      excludeFiles: stringList(o.excludeFiles ?? [], `${key}.excludeFiles`, fail),
    };
  });
  return {
    file,
    ...layer(object, '', fail),
    exclude: stringList(object.exclude ?? [], 'exclude', fail),
    transforms: stringList(object.transforms ?? [], 'transforms', fail),
    overrides,
  };
}

/** Checks transform ids and their options against the transforms this run knows. */
export function checkTransformIds(config: DockoptConfig, known: readonly TransformMeta[]): void {
  const byId = new Map(known.map((t) => [t.id, t]));
  const fail = (key: string, message: string): never => {
    throw new ConfigError(config.file, `${key}: ${message}`);
  };
  const check = (l: SelectionLayer, prefix: string) => {
    for (const list of ['only', 'enable', 'disable'] as const)
      (l[list] ?? []).forEach((id, i) => {
        if (!byId.has(id))
          fail(
            `${prefix}${list}[${i}]`,
            `unknown transform "${id}" (known: ${[...byId.keys()].join(', ')})`,
          );
      });
    for (const [id, values] of Object.entries(l.options ?? {})) {
      const meta = byId.get(id);
      if (!meta)
        fail(
          `${prefix}options.${id}`,
          `unknown transform "${id}" (known: ${[...byId.keys()].join(', ')})`,
        );
      try {
        resolveOptions(meta!, values);
      } catch (error) {
        fail(`${prefix}options.${id}`, (error as Error).message);
      }
    }
  };
  check(config, '');
  config.overrides.forEach((o, i) => check(o, `overrides[${i}].`));
}

type Fail = (key: string, message: string) => never;

function layer(o: Record<string, unknown>, prefix: string, fail: Fail): SelectionLayer {
  const key = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const out: SelectionLayer = {};
  for (const list of ['only', 'enable', 'disable'] as const)
    if (o[list] !== undefined) out[list] = stringList(o[list], key(list), fail);
  if (o.unsafe !== undefined) {
    if (typeof o.unsafe !== 'boolean') fail(key('unsafe'), 'must be true or false');
    out.unsafe = o.unsafe as boolean;
  }
  if (o.options !== undefined) {
    const options = asObject(o.options, key('options'), fail);
    out.options = {};
    for (const [id, values] of Object.entries(options))
      out.options[id] = asObject(values, key(`options.${id}`), fail);
  }
  if (o.settings !== undefined) {
    const settings = asObject(o.settings, key('settings'), fail);
    checkKeys(settings, Object.keys(SETTINGS), key('settings'), fail);
    for (const [name, value] of Object.entries(settings))
      if (!SETTINGS[name].includes(value as string))
        fail(key(`settings.${name}`), `must be one of ${SETTINGS[name].join(', ')}`);
    out.settings = settings as SelectionLayer['settings'];
  }
  return out;
}

function checkKeys(o: Record<string, unknown>, known: string[], prefix: string, fail: Fail): void {
  for (const name of Object.keys(o))
    if (!known.includes(name))
      fail(
        prefix ? `${prefix}.${name}` : name,
        `unknown key (known: ${known.filter((k) => k !== '$schema').join(', ')})`,
      );
}

function asObject(value: unknown, key: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(key, 'must be an object');
  return value as Record<string, unknown>;
}

function asArray(value: unknown, key: string, fail: Fail): unknown[] {
  if (!Array.isArray(value)) fail(key, 'must be a list');
  return value as unknown[];
}

/** A list of strings; a single string is taken as a list of one. */
function stringList(value: unknown, key: string, fail: Fail): string[] {
  const list = typeof value === 'string' ? [value] : asArray(value, key, fail);
  list.forEach((v, i) => {
    if (typeof v !== 'string' || v === '') fail(`${key}[${i}]`, 'must be a non-empty string');
  });
  return list as string[];
}
