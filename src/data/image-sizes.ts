/**
 * Published compressed sizes of common base images (image-sizes.json, with sources), and the
 * estimated saving of a switch from one to another: only when both are listed, never a guess.
 */
import type { Estimate } from '../core/transform.js';
import { parseImageReference } from '../core/base-image.js';
import table from './image-sizes.json' with { type: 'json' };

interface SizeEntry {
  image: string;
  aliases?: string[];
  bytes: number;
  built: string;
  source: string;
}

const byImage = new Map<string, SizeEntry>();
for (const entry of table.images as SizeEntry[])
  for (const name of [entry.image, ...(entry.aliases ?? [])]) byImage.set(name, entry);

/** `docker.io/library/python:3.12.4-bookworm` → `python:3.12-bookworm`. */
function key(image: string): string | null {
  const ref = parseImageReference(image);
  if (!ref) return null;
  const tag = (ref.tag ?? 'latest').replace(/^(\d+\.\d+)\.\d+/, '$1');
  return `${ref.registry ? `${ref.registry}/` : ''}${ref.repository}:${tag}`;
}

export function imageSize(image: string): SizeEntry | null {
  const k = key(image);
  return k === null ? null : (byImage.get(k) ?? null);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The compressed-size difference of `from` → `to`, or null when either size is not known. */
export function switchEstimate(from: string, to: string): Estimate | null {
  const a = imageSize(from);
  const b = imageSize(to);
  if (!a || !b || a.bytes <= b.bytes) return null;
  return {
    bytes: a.bytes - b.bytes,
    basis: `linux/amd64 compressed sizes: ${a.image} ${mb(a.bytes)} (built ${a.built}), ${b.image} ${mb(b.bytes)} (built ${b.built}); ${a.source}; ${b.source}`,
  };
}
