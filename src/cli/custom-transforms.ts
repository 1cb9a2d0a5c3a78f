/**
 * Custom transforms: `--transform ./my-transform.js` (or `transforms` in a config file) loads an
 * ES or CommonJS module whose default export is a transform made with `defineTransform` (or an
 * array of them). Loaded once per process (main thread and each worker), by absolute path.
 */
import { pathToFileURL } from 'node:url';
import type { Transform } from '../core/transform.js';

export class TransformLoadError extends Error {}

const loaded = new Map<string, Promise<Transform[]>>();

export async function loadTransformModules(paths: readonly string[]): Promise<Transform[]> {
  const all: Transform[] = [];
  for (const path of paths) {
    let module = loaded.get(path);
    if (!module) loaded.set(path, (module = importTransforms(path)));
    all.push(...(await module));
  }
  return all;
}

async function importTransforms(path: string): Promise<Transform[]> {
  let exports: Record<string, unknown>;
  try {
    exports = await import(pathToFileURL(path).href);
  } catch (error) {
    throw new TransformLoadError(`cannot load transform ${path}: ${(error as Error).message}`);
  }
  // CommonJS `module.exports = defineTransform(...)` arrives as `default`; so does ESM's default.
  let value = exports.default ?? exports.transform;
  if (value && typeof value === 'object' && 'default' in value && !('meta' in value))
    value = (value as { default: unknown }).default;
  const list = Array.isArray(value) ? value : [value];
  return list.map((t, i) => checkTransform(t, `${path}${list.length > 1 ? ` [${i}]` : ''}`));
}

const SAFETIES = ['safe', 'unsafe'];
const CATEGORIES = ['size', 'cache', 'practice', 'style'];

function checkTransform(value: unknown, where: string): Transform {
  const fail = (why: string): never => {
    throw new TransformLoadError(`${where}: not a transform (${why}); see "Custom transforms"`);
  };
  if (!value || typeof value !== 'object') fail('the default export must be a transform');
  const t = value as Partial<Transform>;
  if (typeof t.create !== 'function') fail('no create(ctx) function');
  const meta = t.meta;
  if (!meta || typeof meta !== 'object') fail('no meta');
  if (typeof meta!.id !== 'string' || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(meta!.id))
    fail('meta.id must be a kebab-case string');
  if (!SAFETIES.includes(meta!.safety as string))
    fail(`meta.safety must be ${SAFETIES.join(' or ')}`);
  if (!CATEGORIES.includes(meta!.category as string))
    fail(`meta.category must be one of ${CATEGORIES.join(', ')}`);
  if (typeof meta!.title !== 'string') fail('meta.title must be a string');
  return t as Transform;
}
