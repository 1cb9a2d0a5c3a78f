/** The runtime-image table (runtimes.json) and its `runtimes` option override. */
import { debianReleaseOfImage, releaseOfImage } from '../../src/data/image-releases.js';
import shipped from './runtimes.json' with { type: 'json' };

interface Pattern {
  image: string;
}
interface ReleaseRule extends Pattern {
  release: string;
}
interface JreRule extends Pattern {
  jre: string;
}

export interface Runtimes {
  debianRelease: ReleaseRule[];
  slimFor: Record<string, string>;
  static: string;
  /** Per Debian release: distroless images for glibc programs (C library only, or with libstdc++). */
  distrolessFor: Record<string, { base: string; cc: string }>;
  jre: JreRule[];
  runtimeLibs: Record<string, Record<string, string>>;
}

export function loadRuntimes(override: unknown): Runtimes {
  const o = (override ?? {}) as Partial<Runtimes>;
  return {
    debianRelease: [...(o.debianRelease ?? []), ...shipped.debianRelease],
    slimFor: { ...shipped.slimFor, ...(o.slimFor ?? {}) },
    static: o.static ?? shipped.static,
    distrolessFor: { ...shipped.distrolessFor, ...(o.distrolessFor ?? {}) },
    jre: [...(o.jre ?? []), ...shipped.jre],
    runtimeLibs: {
      ...(shipped.runtimeLibs as unknown as Record<string, Record<string, string>>),
      ...(o.runtimeLibs ?? {}),
    },
  };
}

function first<T extends Pattern>(
  rules: T[],
  image: string,
  pick: (r: T) => string,
): string | null {
  for (const rule of rules) {
    const m = new RegExp(rule.image).exec(image);
    if (m) return pick(rule).replace(/\$(\d)/g, (_s, n) => m[Number(n)] ?? '');
  }
  return null;
}

/**
 * The Debian release a build image is based on: the `debianRelease` patterns (the option's, then
 * the shipped ones), then the table of official image tags (src/data/image-releases.json). Null
 * when neither knows, or the image is not Debian-based.
 */
export function debianRelease(runtimes: Runtimes, image: string): string | null {
  return first(runtimes.debianRelease, image, (r) => r.release) ?? debianReleaseOfImage(image);
}

/** The slim image of the build image's Debian release. */
export function slimRuntime(runtimes: Runtimes, image: string): string | null {
  const release = debianRelease(runtimes, image);
  return release ? (runtimes.slimFor[release] ?? null) : null;
}

export function jreRuntime(runtimes: Runtimes, image: string): string | null {
  return first(runtimes.jre, image, (r) => r.jre);
}

/**
 * When the build image's release came from a tag that still moves to newer Debian releases
 * (`golang:1.22`), a note for the finding: a later build could link a newer glibc than the
 * runtime has. Empty when the release is fixed by the tag or came from a pattern.
 */
export function movingReleaseNote(runtimes: Runtimes, image: string): string {
  if (first(runtimes.debianRelease, image, (r) => r.release)) return '';
  const found = releaseOfImage(image);
  if (!found?.moving || !found.release) return '';
  const hasTag = image.lastIndexOf(':') > image.lastIndexOf('/');
  const pinned = `${image}${hasTag ? '-' : ':'}${found.release}`;
  return `; ${image} is Debian ${found.release} today, but the tag follows new Debian releases: pin it (${pinned}) so that build and runtime stay on one release`;
}
