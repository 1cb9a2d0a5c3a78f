/**
 * What a stage is built on, and base images too old for flags that transforms add: their
 * distribution packages of pip (before 6.0: no `--no-cache-dir`) or RubyGems (before 2.0: no
 * `--no-document`) would reject the command.
 */
import type { Stage } from './model.js';

/** The image a stage is built on, following `FROM <earlier stage>` back to a real image. */
export function rootImageOf(stage: Stage): string {
  let s: Stage = stage;
  while (s.parent) s = s.parent;
  return s.image ?? '';
}

/** Repository and tag of an image reference (registry and digest dropped), lower case. */
function repositoryAndTag(image: string): { repository: string; tag: string } {
  const withoutDigest = image.split('@')[0].toLowerCase();
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  return {
    repository: name.replace(/^(docker\.io\/)?(library\/)?/, ''),
    tag: hasTag ? withoutDigest.slice(colon + 1) : 'latest',
  };
}

/**
 * Distribution releases whose packaged pip predates 6.0 (Ubuntu 12.04 and 14.04: pip 1.0/1.5,
 * Debian 7 and 8: pip 1.1/1.5).
 */
const OLD_PIP: Readonly<Record<string, RegExp>> = {
  ubuntu: /^(12\.04|14\.04|precise|trusty)\b/,
  debian: /^(7|8|wheezy|jessie)\b/,
};

/**
 * Releases whose packaged RubyGems predates 2.0 (Ruby 1.8/1.9: Ubuntu 12.04 and 14.04, Debian 7,
 * CentOS 5 and 6), and the official ruby images of Ruby 1.x.
 */
const OLD_RUBYGEMS: Readonly<Record<string, RegExp>> = {
  ubuntu: /^(12\.04|14\.04|precise|trusty)\b/,
  debian: /^(7|wheezy)\b/,
  centos: /^(5|6)\b/,
  ruby: /^1\./,
};

/** The base image, when it is one of the releases listed for `tool`; null otherwise. */
export function legacyBaseFor(stage: Stage, tool: 'pip' | 'rubygems'): string | null {
  const image = rootImageOf(stage);
  const { repository, tag } = repositoryAndTag(image);
  const table = tool === 'pip' ? OLD_PIP : OLD_RUBYGEMS;
  return table[repository]?.test(tag) ? image : null;
}
