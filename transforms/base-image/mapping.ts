/**
 * The mapping table (mapping.json, shipped with the package) and the `mapping` option that
 * overrides it: which smaller image stands in for a given base, per policy.
 */
import { normalizeName, parseImageRef } from '../../src/core/image-ref.js';
import shipped from './mapping.json' with { type: 'json' };

export interface MappingEntry {
  slim?: string | null;
  alpine?: string | null;
  lostTools?: string;
  runtimeOnly?: boolean;
  changesDistribution?: boolean;
}

export interface MappingRule extends MappingEntry {
  repo: string;
  tag: string;
}

export interface Mapping {
  images: Record<string, MappingEntry>;
  rules: MappingRule[];
  distroless: { static: string };
}

/** The option's entries first, then the shipped ones. */
export function loadMapping(override: unknown): Mapping {
  const o = (override ?? {}) as Partial<Mapping>;
  return {
    images: { ...shipped.images, ...(o.images ?? {}) } as Record<string, MappingEntry>,
    rules: [...(o.rules ?? []), ...(shipped.rules as MappingRule[])],
    distroless: { ...shipped.distroless, ...(o.distroless ?? {}) },
  };
}

export interface Match {
  entry: MappingEntry;
  /** Replacement for a policy, with `$n` filled in; a full image reference. */
  target(policy: 'slim' | 'alpine'): string | null;
  /** When the replacement is the tag plus a suffix (`$1-slim` with $1 the whole tag): the suffix. */
  suffix(policy: 'slim' | 'alpine'): string | null;
}

/** The entry for an image reference (tag and name only; digests are handled by the caller). */
export function matchImage(mapping: Mapping, image: string): Match | null {
  const ref = parseImageRef(image);
  const exact = mapping.images[image] ?? mapping.images[`${ref.name}:${ref.tag ?? 'latest'}`];
  if (exact) {
    return {
      entry: exact,
      target: (policy) => exact[policy] ?? null,
      suffix: () => null,
    };
  }
  const repo = normalizeName(ref.name);
  const tag = ref.tag ?? '';
  for (const rule of mapping.rules) {
    if (rule.repo !== repo) continue;
    const m = new RegExp(rule.tag).exec(tag);
    if (!m) continue;
    const fill = (template: string) => template.replace(/\$(\d)/g, (_s, n) => m[Number(n)] ?? '');
    return {
      entry: rule,
      target(policy) {
        const template = rule[policy];
        if (!template) return null;
        const filled = fill(template);
        return filled.includes(':') ? filled : `${ref.name}:${filled}`;
      },
      suffix(policy) {
        const template = rule[policy];
        if (!template || !template.startsWith('$1') || template.includes(':')) return null;
        if (m[1] !== tag || /\$\d/.test(template.slice(2))) return null;
        return template.slice(2);
      },
    };
  }
  return null;
}
