/**
 * Removing what `bundle install` downloads, at the end of its RUN: the .gem archives in the gem
 * cache (`/usr/local/bundle/cache` on the official ruby images, `$BUNDLE_PATH/ruby/<version>/cache`
 * when BUNDLE_PATH is set) and Bundler's index cache (`~/.bundle/cache`). The installed gems do not
 * need them; Rails' generated Dockerfile removes the same directories.
 */
import type { Edit } from '../../src/core/edits.js';
import { variableBefore } from '../../src/core/env.js';
import { rootImageOf } from '../../src/core/images.js';
import type { InstructionNode } from '../../src/core/model.js';
import { startupScript } from '../../src/core/run/shell.js';
import type { TransformContext } from '../../src/core/transform.js';
import {
  copiedElsewhere,
  instructionSnippet,
  laterInstructions,
  planCleanup,
} from '../../src/packages/hygiene.js';
import {
  BUNDLE_INSTALLING,
  choosesGemPath,
  configuresBundlePath,
  hasGemCacheMount,
  isOfficialRubyImage,
  OFFICIAL_GEM_HOME,
  removesGemCache,
  rubyCommands,
} from '../../src/packages/ruby.js';
import { hasOption } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';

/** Later commands that need the .gem archives: installs from the local cache, `bundle cache`. */
function needsArchives(script: ShellScript): boolean {
  return rubyCommands(script).some((c) =>
    c.tool === 'bundle'
      ? c.subcommand === 'cache' ||
        c.subcommand === 'package' ||
        (c.subcommand !== null &&
          BUNDLE_INSTALLING.has(c.subcommand) &&
          hasOption(c.cmd, [], ['local', 'prefer-local']))
      : c.subcommand === 'pristine',
  );
}

/**
 * A later RUN, or the CMD/ENTRYPOINT the container starts with, that needs the archives. A start
 * command that cannot be read counts when it mentions bundle or gem at all.
 */
function laterNeedsArchives(ctx: TransformContext, later: InstructionNode): boolean {
  if (later.keyword === 'RUN') {
    const script = ctx.shell(later).script;
    return script !== null && needsArchives(script);
  }
  if (later.keyword !== 'CMD' && later.keyword !== 'ENTRYPOINT') return false;
  const { script } = startupScript(ctx.model, later);
  if (script) return needsArchives(script);
  return /\b(bundle|bundler|gem)\b/.test(ctx.model.text.slice(later.start, later.end));
}

export function bundleCleanup(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
): { edit: Edit; command: string } | string | null {
  const ruby = rubyCommands(script);
  const installs = ruby.filter(
    (c) => c.tool === 'bundle' && c.subcommand !== null && BUNDLE_INSTALLING.has(c.subcommand),
  );
  if (installs.length === 0) return null;
  const last = installs[installs.length - 1];
  if (removesGemCache(script, last.cmd.node.end)) return null;
  const gemCache = gemCacheOf(
    ctx,
    node,
    script,
    installs.map((c) => c.cmd.args.map((a) => a.value)),
  );
  if (hasGemCacheMount(node, gemCache === 'unknown' ? null : gemCache))
    return 'gem cache is a cache mount here: no cleanup needed';
  if (installs.some((c) => c.cmd.wrappers.length > 0))
    return 'bundle caches not removed: bundle runs under sudo/env, so ~ may not be its home';
  const userCache = variableBefore(node, ['BUNDLE_USER_HOME', 'BUNDLE_USER_CACHE']);
  if (userCache)
    return `bundle caches not removed: ${userCache.name} moves Bundler's cache out of ~/.bundle`;
  const needs = laterInstructions(ctx.model, node).find((later) => laterNeedsArchives(ctx, later));
  if (needs)
    return `bundle caches not removed: a later ${needs.keyword} (${instructionSnippet(ctx.model, needs)}) needs the .gem files`;
  const copy = copiedElsewhere(ctx.model, node, ['.bundle/cache', 'bundle/cache']);
  if (copy) return `bundle caches not removed: ${instructionSnippet(ctx.model, copy)} copies them`;

  const dirs = ['~/.bundle/cache', ...(gemCache === 'unknown' ? [] : [gemCache])];
  const plan = planCleanup(ctx.model, node, script, {
    installs: installs.map((c) => c.cmd),
    commands: [`rm -rf ${dirs.join(' ')}`],
    tools: ['bundle', 'bundler'],
    packages: [],
    variables: ['HOME', 'GEM_HOME', 'BUNDLE_PATH', 'BUNDLE_USER_HOME', 'BUNDLE_USER_CACHE'],
  });
  if (!plan.ok) return `bundle caches not removed: ${plan.reason}`;
  return { edit: plan.edit, command: plan.command };
}

/**
 * Where the .gem archives of this install go: `/usr/local/bundle/cache` on the official ruby
 * images with the default settings, `<BUNDLE_PATH>/ruby/*\/cache` for a literal absolute
 * BUNDLE_PATH, 'unknown' otherwise (only Bundler's own cache is removed then).
 */
function gemCacheOf(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  argLists: (string | null)[][],
): string | 'unknown' {
  const rubyInstalls = rubyCommands(script).filter((c) => c.tool === 'bundle');
  if (rubyInstalls.some(choosesGemPath) || configuresBundlePath(script)) return 'unknown';
  if (stageConfiguresPath(ctx, node)) return 'unknown';
  if (argLists.some((args) => args.some((a) => a === null))) return 'unknown';
  if (variableBefore(node, ['BUNDLE_DEPLOYMENT', 'BUNDLE_SYSTEM'])) return 'unknown';
  const bundlePath = variableBefore(node, ['BUNDLE_PATH'])?.value;
  if (bundlePath !== undefined && bundlePath !== null) {
    const path = bundlePath.replace(/^["']|["']$/g, '').replace(/\/+$/, '');
    return /^\/[\w./-]+$/.test(path) ? `${path}/ruby/*/cache` : 'unknown';
  }
  const gemHome = variableBefore(node, ['GEM_HOME'])?.value;
  if (gemHome !== undefined && gemHome !== null) return 'unknown';
  return isOfficialRubyImage(rootImageOf(node.stage!)) ? `${OFFICIAL_GEM_HOME}/cache` : 'unknown';
}

/** An earlier RUN of the stage sets Bundler's path or deployment mode with `bundle config`. */
function stageConfiguresPath(ctx: TransformContext, node: InstructionNode): boolean {
  for (let s = node.stage; s; s = s.parent) {
    for (const run of s.instructions) {
      if (run.keyword !== 'RUN' || (s === node.stage && run.index >= node.index)) continue;
      const earlier = ctx.shell(run).script;
      if (earlier && configuresBundlePath(earlier)) return true;
    }
  }
  return false;
}
