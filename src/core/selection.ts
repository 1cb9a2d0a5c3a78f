/**
 * Which transforms run: the defaults (safe, not style), adjusted by --only / --enable / --disable
 * / --unsafe. Naming a transform always turns it on, whatever its safety. Unknown ids are errors.
 */
import { isEnabledByDefault, type Transform } from './transform.js';

export interface Selection {
  only?: readonly string[];
  enable?: readonly string[];
  disable?: readonly string[];
  /** Turn on every unsafe transform (style ones stay off unless named). */
  unsafe?: boolean;
}

export class SelectionError extends Error {}

export function selectTransforms(all: readonly Transform[], selection: Selection): Transform[] {
  const known = new Map(all.map((t) => [t.meta.id, t]));
  for (const id of [
    ...(selection.only ?? []),
    ...(selection.enable ?? []),
    ...(selection.disable ?? []),
  ]) {
    if (!known.has(id)) {
      throw new SelectionError(
        `unknown transform "${id}" (known: ${[...known.keys()].join(', ')})`,
      );
    }
  }
  const enabled = new Set<string>();
  if (selection.only?.length) {
    selection.only.forEach((id) => enabled.add(id));
  } else {
    for (const t of all) {
      if (isEnabledByDefault(t.meta)) enabled.add(t.meta.id);
      if (selection.unsafe && t.meta.safety === 'unsafe' && t.meta.category !== 'style')
        enabled.add(t.meta.id);
    }
  }
  selection.enable?.forEach((id) => enabled.add(id));
  selection.disable?.forEach((id) => enabled.delete(id));
  // Registry order is the application order.
  return all.filter((t) => enabled.has(t.meta.id));
}
