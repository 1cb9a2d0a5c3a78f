/**
 * What a well-known public base image gives a stage, for transforms whose safety depends on it:
 * which shell `/bin/sh` is (pipefail), which `wget` is installed (GNU or busybox), whether the image
 * declares an ENTRYPOINT (exec-form CMD), which WORKDIR it starts in (relative WORKDIR), and which
 * user a RUN runs as when the Dockerfile sets none (a cleanup that needs root).
 *
 * Only Docker Hub official images (and the Red Hat UBI images) are known, by name and tag as
 * written. Anything else — another registry, a variable, an unknown tag variant — is unknown, and
 * transforms that need a fact refuse. Facts were taken from the images' published Dockerfiles
 * (docker-library/official-images and the distributions' own build files).
 */

/** `debian`: apt, /bin/sh is dash, GNU tools. `rhel`: dnf/yum, /bin/sh is bash, GNU tools.
 * `alpine`/`busybox`: /bin/sh and most tools are busybox. `scratch`: nothing at all. */
export type ImageFamily = 'debian' | 'rhel' | 'alpine' | 'busybox' | 'scratch';

export interface BaseImageFacts {
  /** The image as normalised: `python:3.12-slim`, `registry.access.redhat.com/ubi9/ubi`. */
  name: string;
  family: ImageFamily | null;
  /** The image declares no ENTRYPOINT, so a stage's CMD is the whole command line. */
  noEntrypoint: boolean;
  /** The working directory a stage built on it starts in, when known. */
  workdir: string | null;
  /**
   * The user its RUNs run as when no USER is set: 'root' for the images known here (none of them
   * sets a USER); null when not known (CI convenience images, for one, set their own user).
   */
  defaultUser: 'root' | null;
}

export interface ImageReference {
  /** Registry host, or null for Docker Hub. */
  registry: string | null;
  /** Repository path without the registry; Docker Hub's `library/` removed. */
  repository: string;
  tag: string | null;
  digest: string | null;
}

const UNKNOWN = (name: string): BaseImageFacts => ({
  name,
  family: null,
  noEntrypoint: false,
  workdir: null,
  defaultUser: null,
});

/** Operating-system images: no ENTRYPOINT, WORKDIR `/`, any tag is that distribution. */
const OS_IMAGES = new Map<string, ImageFamily>([
  ['alpine', 'alpine'],
  ['busybox', 'busybox'],
  ['debian', 'debian'],
  ['ubuntu', 'debian'],
  ['centos', 'rhel'],
  ['fedora', 'rhel'],
  ['rockylinux', 'rhel'],
  ['almalinux', 'rhel'],
  ['amazonlinux', 'rhel'],
  ['oraclelinux', 'rhel'],
]);

interface LanguageImage {
  /** Declares no ENTRYPOINT in any variant. */
  noEntrypoint: boolean;
  /** WORKDIR of every variant, when the image sets one (or `/` when it sets none). */
  workdir: string | null;
}

/**
 * Official images built on Debian (default tags, `-slim`, `-<codename>`) or Alpine (`-alpine`).
 * `noEntrypoint: false` where the image has an entrypoint script (node, php).
 */
const LANGUAGE_IMAGES = new Map<string, LanguageImage>([
  ['python', { noEntrypoint: true, workdir: '/' }],
  ['golang', { noEntrypoint: true, workdir: '/go' }],
  ['node', { noEntrypoint: false, workdir: '/' }],
  ['ruby', { noEntrypoint: true, workdir: null }],
  ['perl', { noEntrypoint: true, workdir: null }],
  ['rust', { noEntrypoint: true, workdir: null }],
  ['gcc', { noEntrypoint: true, workdir: null }],
  ['buildpack-deps', { noEntrypoint: true, workdir: '/' }],
  ['httpd', { noEntrypoint: true, workdir: null }],
  ['php', { noEntrypoint: false, workdir: null }],
  // Variants are Debian- or Oracle-Linux-based; none declares an ENTRYPOINT.
  ['openjdk', { noEntrypoint: true, workdir: null }],
  ['java', { noEntrypoint: true, workdir: null }],
]);

/** Tag words that keep a language image on its Debian base. */
const DEBIAN_TAG_WORDS = new Set([
  'latest',
  'slim',
  'trixie',
  'bookworm',
  'bullseye',
  'buster',
  'stretch',
  'jessie',
  'apache',
  'fpm',
  'cli',
  'zts',
  'scm',
  'curl',
  'lts',
  'current',
]);

/** Red Hat Universal Base Images: bash as /bin/sh, no ENTRYPOINT. */
const UBI =
  /^(registry\.access\.redhat\.com\/ubi\d+(\/ubi(-minimal|-micro|-init)?)?|redhat\/ubi\d+(-minimal|-micro|-init)?)$/;

/** Splits `registry/repo:tag@digest`; null for references with variables or no name. */
export function parseImageReference(image: string): ImageReference | null {
  if (!image || /[$\s]/.test(image)) return null;
  let rest = image;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let registry: string | null = null;
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]))
    registry = parts.shift()!.toLowerCase();
  if (registry && /^((index|registry-1)\.)?docker\.io$/.test(registry)) registry = null;
  if (registry === null && parts.length === 2 && parts[0] === 'library') parts.shift();
  if (parts.length === 0 || parts.some((p) => p === '')) return null;
  return { registry, repository: parts.join('/').toLowerCase(), tag, digest };
}

/** Facts about a `FROM` image as written; `family: null` and no facts when it is not known. */
export function baseImageFacts(image: string): BaseImageFacts {
  if (image.toLowerCase() === 'scratch')
    return {
      name: 'scratch',
      family: 'scratch',
      noEntrypoint: true,
      workdir: '/',
      defaultUser: 'root',
    };
  const ref = parseImageReference(image);
  if (!ref) return UNKNOWN(image);
  const full = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
  const name = ref.tag ? `${full}:${ref.tag}` : full;
  if (UBI.test(full))
    return { name, family: 'rhel', noEntrypoint: true, workdir: null, defaultUser: 'root' };
  if (ref.registry) return UNKNOWN(name);
  const os = OS_IMAGES.get(ref.repository);
  if (os) return { name, family: os, noEntrypoint: true, workdir: '/', defaultUser: 'root' };
  const language = LANGUAGE_IMAGES.get(ref.repository);
  if (!language) return UNKNOWN(name);
  const family = languageVariant(ref.tag);
  // An unknown variant may be built on anything: only the facts shared by every variant hold.
  return { name, family, ...language, defaultUser: 'root' };
}

/** `3.12-slim-bookworm` → debian; `3.12-alpine3.20` → alpine; an unrecognised word → null. */
function languageVariant(tag: string | null): ImageFamily | null {
  if (!tag) return 'debian';
  const words = tag.toLowerCase().split('-');
  if (words.some((w) => /^alpine(\d[\d.]*)?$/.test(w))) return 'alpine';
  const debian = words.every((w) => /^v?\d[\w.]*$/.test(w) || DEBIAN_TAG_WORDS.has(w));
  return debian ? 'debian' : null;
}
