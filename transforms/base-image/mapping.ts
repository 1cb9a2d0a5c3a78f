/**
 * The mapping table (mapping.json, shipped with the package) and the `mapping` option that
 * overrides it: which smaller image stands in for a given base, per policy.
 */
import { parseImageReference } from '../../src/core/base-image.js';
import { imageNameText } from '../../src/core/image-ref.js';
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
  const ref = parseImageReference(image);
  if (!ref) return null;
  const name = imageNameText(image);
  const exact = mapping.images[image] ?? mapping.images[`${name}:${ref.tag ?? 'latest'}`];
  if (exact) {
    return {
      entry: exact,
      target: (policy) => exact[policy] ?? null,
      suffix: () => null,
    };
  }
  // The rules describe Docker Hub's official images only.
  if (ref.registry) return null;
  const repo = ref.repository;
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
        return filled.includes(':') ? filled : `${name}:${filled}`;
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
