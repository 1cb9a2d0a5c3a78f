/**
 * gem and bundle commands in a RUN, and where Bundler keeps what it downloads. Shared by every
 * transform that reads or rewrites Ruby package installs.
 *
 * `gem install` also generates ri/rdoc documentation unless told `--no-document` (RubyGems 2.0+).
 * `bundle install` keeps each downloaded .gem file in `$GEM_HOME/cache` (with BUNDLE_PATH set:
 * `$BUNDLE_PATH/ruby/<version>/cache`) and the rubygems.org index in `~/.bundle/cache`; neither
 * is needed once the gems are installed.
 */
import type { InstructionNode } from '../core/model.js';
import { isHomeDirMountedAway, isMountedAway } from './mounts.js';
import {
  commandsOf,
  findCommands,
  hasOption,
  subcommandOf,
  type SimpleCommand,
  type Word,
} from '../shell/query.js';
import type { ShellScript } from '../shell/script.js';

export interface RubyCommand {
  cmd: SimpleCommand;
  tool: 'gem' | 'bundle';
  sub: Word | null;
  subcommand: string | null;
}

const OPTIONS_WITH_VALUE = new Set([
  '-v',
  '--version',
  '-i',
  '--install-dir',
  '-n',
  '--bindir',
  '-s',
  '--source',
  '-p',
  '--http-proxy',
  '--platform',
  '-g',
  '--file',
  '--build-root',
  '-P',
  '--trust-policy',
  '--gemfile',
  '--path',
  '-j',
  '--jobs',
  '--retry',
  '--without',
  '--with',
  '--binstubs',
  '--shebang',
]);

/** Subcommands that install gems, per tool. */
export const GEM_INSTALLING = new Set(['install', 'update', 'i']);
export const BUNDLE_INSTALLING = new Set(['install', 'update']);

/** Where the official ruby images install gems (their GEM_HOME). */
export const OFFICIAL_GEM_HOME = '/usr/local/bundle';

export function rubyCommands(script: ShellScript): RubyCommand[] {
  return findCommands(script, 'gem', 'bundle', 'bundler').map((cmd) => {
    const sub = subcommandOf(cmd, OPTIONS_WITH_VALUE);
    return {
      cmd,
      tool: cmd.name === 'gem' ? 'gem' : 'bundle',
      sub,
      subcommand: sub?.value ?? null,
    };
  });
}

/** Documentation decided either way: `--no-document`/`-N`, `--document`, or the old ri/rdoc flags. */
export function decidesDocs(c: RubyCommand): boolean {
  return hasOption(
    c.cmd,
    ['N'],
    ['no-document', 'document', 'no-ri', 'no-rdoc', 'ri', 'rdoc', 'doc', 'no-doc'],
  );
}

/**
 * The install puts gems somewhere other than the default (`--path`, `--deployment`,
 * `--standalone`, `--system`, `--install-dir`).
 */
export function choosesGemPath(c: RubyCommand): boolean {
  return hasOption(c.cmd, ['i'], ['path', 'deployment', 'standalone', 'system', 'install-dir']);
}

/** `bundle config [set] [--local|--global] path|deployment ...` in the script. */
export function configuresBundlePath(script: ShellScript): boolean {
  return rubyCommands(script).some(
    (c) =>
      c.tool === 'bundle' &&
      c.subcommand === 'config' &&
      c.cmd.args.some((a) =>
        /^(path|deployment|BUNDLE_PATH|BUNDLE_DEPLOYMENT)$/i.test(a.value ?? ''),
      ),
  );
}

/** An `rm` of a gem cache directory (`.../cache`, `~/.bundle`...). */
export function removesGemCache(script: ShellScript, after: number): boolean {
  return commandsOf(script).some(
    (c) =>
      c.node.start > after &&
      c.name === 'rm' &&
      c.args.some((w) => {
        const path = w.text.replace(/^["']|["']$/g, '').replace(/(\/\*(\.gem)?)?\/?$/, '');
        return /(^|\/)(\.bundle(\/cache)?|bundle\/cache|ruby\/[^/]+\/cache|gems\/[^/]+\/cache)$/.test(
          path,
        );
      }),
  );
}

/** The gem cache (`gemCache`, absolute) or Bundler's user cache is a cache/tmpfs mount. */
export function hasGemCacheMount(node: InstructionNode, gemCache: string | null): boolean {
  return (
    isHomeDirMountedAway(node, '.bundle') ||
    isHomeDirMountedAway(node, '.gem') ||
    (gemCache !== null && isMountedAway(node, gemCache)) ||
    isMountedAway(node, OFFICIAL_GEM_HOME)
  );
}

/** Whether an image reference is the official ruby image (any tag or digest). */
export function isOfficialRubyImage(image: string): boolean {
  return /^(docker\.io\/)?(library\/)?ruby([:@]|$)/i.test(image);
}
