/**
 * Which OS release an official image tag is built on (image-releases.json, with its sources): the
 * golang, node, python, rust, openjdk, maven and gradle images, and debian, ubuntu and alpine tags.
 * Tags move: the table gives the release of the last image pushed under a tag, and says whether the
 * tag can still change. A tag the table does not cover gives null — it never guesses.
 */
import { parseImageReference } from '../core/base-image.js';
import shipped from './image-releases.json' with { type: 'json' };

export type Provenance = 'read' | 'inferred';

export interface ImageRelease {
  /** `debian`, `ubuntu`, `alpine`, `oraclelinux`, `amazonlinux`, `rhel` or `windows`. */
  os: string;
  /** `bookworm`, `jammy`, `3.18`, `8`, `2023`; null when only the OS is known. */
  release: string | null;
  /** The tag can still change release: a maintained line's tag, or an alias such as `latest`. */
  moving: boolean;
  provenance: Provenance;
  /** Where the answer comes from, for messages. */
  basis: string;
  /** A @digest pins one build of the tag, maybe one pushed before its last. Releases only move
   * forward, so that build is on this release or an older one. */
  digestMayBeOlder: boolean;
}

interface VersionRule {
  from: string;
  to: string;
  variants?: string[];
  os?: string;
  release: string;
  provenance: Provenance;
  sources?: string[];
  note?: string;
}

interface PatternRule {
  tag: string;
  os?: string;
  release: string | null;
  moving: boolean;
  provenance: Provenance;
  sources?: string[];
  note?: string;
}

interface ImageTable {
  asOf: string;
  lineDepth?: number;
  maintained?: Record<string, string | null>;
  aliases?: Record<string, string>;
  patterns?: boolean;
  rules: (VersionRule | PatternRule)[];
}

interface OsTable {
  asOf: string;
  numbers: Record<string, string>;
  aliases: Record<string, string>;
}

interface Table {
  images: Record<string, ImageTable>;
  os: { debian: OsTable; ubuntu: OsTable };
}

const table = shipped as unknown as Table;
const DEBIAN = new Set([...Object.values(table.os.debian.numbers), 'sid']);
const UBUNTU = new Set(Object.values(table.os.ubuntu.numbers));
/** Aliases that follow the newest line forever (unlike node's `hydrogen` or python's `2`). */
const FLOATING = new Set(['latest', 'current', 'lts', '1', '3']);

type Version = number[];

/** `1.19.10` → [1, 19, 10]; openjdk's `8u322` → [8, 0, 322]. */
function parseVersion(text: string): Version | null {
  const m = /^(\d+)(?:u(\d+))?((?:\.\d+)*)$/.exec(text);
  if (!m) return null;
  if (m[2] !== undefined) return m[3] ? null : [Number(m[1]), 0, Number(m[2])];
  return [Number(m[1]), ...m[3].split('.').filter(Boolean).map(Number)];
}

/** Compares with missing components read as `pad` (0 for a lower bound, Infinity otherwise). */
function compare(a: Version, padA: number, b: Version, padB: number): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? padA;
    const y = b[i] ?? padB;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

interface OsToken {
  os: string;
  release: string | null;
}

/** The OS a tag names in one of its `-` words (`bookworm`, `alpine3.18`, `jammy`, `al2023`…). */
function namedOs(words: string[]): OsToken | null {
  const found: OsToken[] = [];
  words.forEach((w, i) => {
    const next = words[i + 1] ?? '';
    let m: RegExpExecArray | null;
    if (DEBIAN.has(w)) found.push({ os: 'debian', release: w });
    else if (UBUNTU.has(w)) found.push({ os: 'ubuntu', release: w });
    else if ((m = /^alpine(\d+\.\d+)?$/.exec(w)))
      found.push({ os: 'alpine', release: m[1] ?? null });
    else if (/^(windowsservercore|nanoserver|windows)$/.test(w))
      found.push({
        os: 'windows',
        release: /^(ltsc\d{4}|\d{4}|\d\dH\d|sac2016)$/.test(next) ? next : null,
      });
    else if ((m = /^oraclelinux(\d+)$/.exec(w))) found.push({ os: 'oraclelinux', release: m[1] });
    else if (w === 'oracle') found.push({ os: 'oraclelinux', release: null });
    else if ((m = /^al(2|2023)$/.exec(w))) found.push({ os: 'amazonlinux', release: m[1] });
    else if ((m = /^ubi(\d+)$/.exec(w))) found.push({ os: 'rhel', release: m[1] });
    else if (w === 'debian') found.push({ os: 'debian', release: null });
  });
  return found.find((t) => t.release !== null) ?? found[0] ?? null;
}

/** An answer before the digest is looked at; `named`: the tag itself names the release. */
type Found = Omit<ImageRelease, 'digestMayBeOlder'> & { named: boolean };

const result = (
  os: string,
  release: string | null,
  moving: boolean,
  provenance: Provenance,
  basis: string,
  named = false,
): Found => ({ os, release, moving, provenance, basis, named });

/** The answer for a tag that names its OS in one of its words. */
const fromName = (image: string, tag: string, os: OsToken, moving: boolean): Found =>
  result(
    os.os,
    os.release,
    moving,
    'read',
    `${image}:${tag} names ${os.release ? `${os.os} ${os.release}` : os.os}`,
    true,
  );

const cite = (r: { provenance: Provenance; sources?: string[]; note?: string }) =>
  [r.provenance, ...(r.sources ?? []), r.note].filter(Boolean).join('; ');

/** `debian:12.5-slim`, `ubuntu:22.04`, `alpine:3.18.4`: the distributions' own images. */
function osImage(name: string, tag: string): Found | null {
  if (name === 'alpine') {
    const m = /^(\d+\.\d+)(\.\d+)?$/.exec(tag);
    if (m) return result('alpine', m[1], false, 'read', `alpine:${tag} names Alpine ${m[1]}`, true);
    if (tag === 'latest' || tag === 'edge')
      return result(
        'alpine',
        tag === 'edge' ? 'edge' : null,
        true,
        'read',
        `alpine:${tag} follows the newest Alpine`,
      );
    return null;
  }
  const osTable = name === 'debian' ? table.os.debian : table.os.ubuntu;
  const [head, ...rest] = tag.split('-');
  if (!rest.every((w) => /^(slim|backports|\d{8})$/.test(w))) return null;
  const number = name === 'debian' ? head.split('.')[0] : /^\d+\.\d+$/.test(head) ? head : '';
  const named = (name === 'debian' ? DEBIAN : UBUNTU).has(head) ? head : osTable.numbers[number];
  if (named) return result(name, named, false, 'read', `${name}:${tag} names ${named}`, true);
  const alias = osTable.aliases[head];
  if (alias && head !== 'sid' && head !== 'unstable')
    return result(
      name,
      alias,
      true,
      'inferred',
      `${name}:${head} was ${alias} as of ${osTable.asOf}`,
    );
  if (alias) return result(name, alias, false, 'read', `${name}:${tag} names ${alias}`, true);
  return null;
}

/** maven and gradle: the JDK image a tag is built on decides its OS, matched by tag patterns. */
function patternImage(name: string, image: ImageTable, tag: string) {
  for (const rule of image.rules as PatternRule[]) {
    if (!new RegExp(rule.tag).test(tag)) continue;
    const where = rule.release ? `${rule.os ?? 'debian'} ${rule.release}` : (rule.os ?? 'debian');
    return result(
      rule.os ?? 'debian',
      rule.release,
      rule.moving,
      rule.provenance,
      `${name}:${tag} → ${where} (${cite(rule)})`,
    );
  }
  return null;
}

/** golang, node, python, rust, openjdk: version ranges per variant, aliases, maintained lines. */
function versionImage(name: string, image: ImageTable, tag: string) {
  const words = tag.split('-');
  let head = words[0];
  let alias = false;
  const aliases = image.aliases ?? {};
  if (aliases[head] !== undefined) {
    alias = FLOATING.has(head) || image.maintained?.[aliases[head]] !== undefined;
    head = aliases[head];
  } else if (!/^\d/.test(head)) {
    if (aliases.latest === undefined) return null;
    words.unshift((head = aliases.latest));
    alias = true;
  }
  const version = parseVersion(head);
  if (!version) return null;
  const rest = words.slice(1);
  const line = version.slice(0, image.lineDepth ?? 2).join('.');
  const current = image.maintained?.[line];
  const maintained = current !== undefined;
  const lineTag = version.length <= (image.lineDepth ?? 2);
  const moving =
    alias ||
    (maintained &&
      (lineTag || current === null || compare(version, Infinity, parseVersion(current)!, 0) >= 0));
  const os = namedOs(rest);
  if (os) return fromName(name, tag, os, os.release === null && moving);
  // What is left names the variant: `slim`, `jre`, `jre-slim` (openjdk's `-jdk` and build numbers are noise).
  const variant = rest.filter((w) => w !== 'jdk' && !/^b\d+$/.test(w)).join('-');
  for (const rule of image.rules as VersionRule[]) {
    if (!(rule.variants ?? ['', 'slim']).includes(variant)) continue;
    if (compare(version, Infinity, parseVersion(rule.from)!, 0) < 0) continue;
    if (compare(version, Infinity, parseVersion(rule.to)!, Infinity) > 0) continue;
    const os = rule.os ?? 'debian';
    const basis = `${name} ${rule.from}..${rule.to}${variant ? ` -${variant}` : ''} → ${os} ${rule.release} (${cite(rule)}; as of ${image.asOf})`;
    return result(os, rule.release, moving, rule.provenance, basis);
  }
  return null;
}

/**
 * The OS and release `ref` (`[registry/][library/]name[:tag][@digest]`) is built on, or null when
 * the table does not know it: another registry, another image, a tag outside the table.
 */
export function releaseOfImage(ref: string): ImageRelease | null {
  const parsed = parseImageReference(ref.trim());
  if (!parsed || parsed.registry !== null) return null;
  const name = parsed.repository;
  const tag = (parsed.tag ?? 'latest').toLowerCase();
  let found: Found | null = null;
  if (name === 'debian' || name === 'ubuntu' || name === 'alpine') found = osImage(name, tag);
  else if (Object.hasOwn(table.images, name)) {
    const image = table.images[name];
    if (image.patterns) {
      const os = namedOs(tag.split('-'));
      found = os ? fromName(name, tag, os, false) : patternImage(name, image, tag);
    } else found = versionImage(name, image, tag);
  }
  if (!found) return null;
  const { named, ...answer } = found;
  return {
    ...answer,
    digestMayBeOlder: parsed.digest !== null && !named && answer.release !== null,
  };
}

/** The Debian release of `ref`, or null when it is not a known Debian-based image. */
export function debianReleaseOfImage(ref: string): string | null {
  const found = releaseOfImage(ref);
  return found?.os === 'debian' ? found.release : null;
}
