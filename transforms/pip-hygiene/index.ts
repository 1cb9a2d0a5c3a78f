import type { Edit } from '../../src/core/edits.js';
import { variableBefore } from '../../src/core/env.js';
import { legacyBaseFor } from '../../src/core/images.js';
import type { InstructionNode } from '../../src/core/model.js';
import { defineTransform, type TransformContext, shellRuns } from '../../src/core/transform.js';
import {
  commandSetsVariable,
  copiedElsewhere,
  instructionSnippet,
  planCleanup,
  scriptSetsVariable,
} from '../../src/packages/hygiene.js';
import {
  hasPipCacheMount,
  hasPipenvCacheMount,
  hasPoetryCacheMount,
  hasUvCacheMount,
  pipDecidesCache,
  poetryDecidesCache,
  pythonCommands,
  removesCacheDir,
  uvDecidesCache,
  uvLinksBySymlink,
  type PythonCommand,
} from '../../src/packages/pip.js';
import type { ShellScript } from '../../src/shell/script.js';
import { poetrySupportsNoCache } from './poetry.js';
import { pipReplacedBefore } from './upgrade.js';

const UV_CACHING = new Set(['pip install', 'pip sync', 'sync', 'add', 'tool install']);
const POETRY_CACHING = new Set(['install', 'add', 'update', 'lock', 'sync']);
const PIPENV_INSTALLING = new Set(['install', 'sync']);

export default defineTransform({
  meta: {
    id: 'pip-hygiene',
    title: 'pip, uv, poetry and pipenv without a cache left in the layer',
    description:
      "Adds `--no-cache-dir` to pip installs (every spelling of pip and `python -m pip`), `--no-cache` to uv installs and, for Poetry 1.2+, to poetry installs, and removes pipenv's caches at the end of the RUN. Not where the cache is disabled by ENV or mounted as a cache. With `--cache-strategy mounts` it does nothing.",
    safety: 'safe',
    category: 'size',
    hadolint: ['DL3042'],
  },
  create(ctx) {
    if (ctx.settings.cacheStrategy === 'mounts') return;
    for (const { node, script } of shellRuns(ctx)) {
      const commands = pythonCommands(script);
      if (commands.length > 0) rewriteRun(ctx, node, script, commands);
    }
  },
});

interface Plan {
  edits: Edit[];
  did: string[];
  notes: string[];
}

function rewriteRun(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  commands: PythonCommand[],
): void {
  const plan: Plan = { edits: [], did: [], notes: [] };
  addPipFlags(ctx, node, script, commands, plan);
  addUvFlags(node, script, commands, plan);
  addPoetryFlags(ctx, node, script, commands, plan);
  cleanPipenv(ctx, node, script, commands, plan);
  if (plan.edits.length > 0)
    ctx.report({ message: `python: ${[...new Set(plan.did)].join('; ')}`, node, fix: plan.edits });
  for (const note of new Set(plan.notes)) ctx.report({ message: note, node });
}

/** Whether a variable is set for the command: ENV/ARG, an `export` in the RUN, or a prefix. */
function variableSet(
  node: InstructionNode,
  script: ShellScript,
  cmd: PythonCommand,
  names: string[],
): boolean {
  return (
    variableBefore(node, names) !== null ||
    scriptSetsVariable(script, names) !== null ||
    commandSetsVariable(script, cmd.cmd, names) !== null
  );
}

function addPipFlags(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  commands: PythonCommand[],
  plan: Plan,
): void {
  const installs = commands.filter(
    (c) => c.tool === 'pip' && c.subcommand === 'install' && c.sub && !pipDecidesCache(c),
  );
  if (installs.length === 0) return;
  const cacheDir = variableBefore(node, ['PIP_CACHE_DIR'])?.value ?? null;
  if (hasPipCacheMount(node, cacheDir)) {
    plan.notes.push("pip's cache is a cache mount here: --no-cache-dir not added");
    return;
  }
  const legacy = legacyBaseFor(node.stage!, 'pip');
  const copy = copiedElsewhere(ctx.model, node, ['.cache/pip']);
  for (const pip of installs) {
    if (variableSet(node, script, pip, ['PIP_NO_CACHE_DIR'])) continue;
    if (legacy && !pipReplacedBefore(ctx, node, script, pip.cmd.node.start)) {
      plan.notes.push(
        `--no-cache-dir not added: the pip packaged in ${legacy} predates it (pip 6.0)`,
      );
      continue;
    }
    if (copy) {
      plan.notes.push(
        `--no-cache-dir not added: ${instructionSnippet(ctx.model, copy)} copies pip's cache`,
      );
      continue;
    }
    plan.edits.push({ start: pip.sub!.end, end: pip.sub!.end, text: ' --no-cache-dir' });
    plan.did.push(
      `added --no-cache-dir to \`${pip.via === 'direct' ? 'pip' : 'python -m pip'} install\``,
    );
  }
}

function addUvFlags(
  node: InstructionNode,
  script: ShellScript,
  commands: PythonCommand[],
  plan: Plan,
): void {
  const installs = commands.filter(
    (c) => c.tool === 'uv' && c.subcommand !== null && UV_CACHING.has(c.subcommand) && c.sub,
  );
  if (installs.length === 0) return;
  const cacheDir = variableBefore(node, ['UV_CACHE_DIR'])?.value ?? null;
  if (hasUvCacheMount(node, cacheDir)) {
    if (installs.some((c) => !uvDecidesCache(c)))
      plan.notes.push("uv's cache is a cache mount here: --no-cache not added");
    return;
  }
  for (const uv of installs) {
    if (uvDecidesCache(uv) || variableSet(node, script, uv, ['UV_NO_CACHE'])) continue;
    const linkMode = variableBefore(node, ['UV_LINK_MODE'])?.value;
    if (uvLinksBySymlink(uv) || linkMode === 'symlink') {
      plan.notes.push(
        '--no-cache not added to uv: it links packages into the environment by symlink, so the cache must stay',
      );
      continue;
    }
    plan.edits.push({ start: uv.sub!.end, end: uv.sub!.end, text: ' --no-cache' });
    plan.did.push(`added --no-cache to \`uv ${uv.subcommand}\``);
  }
}

function addPoetryFlags(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  commands: PythonCommand[],
  plan: Plan,
): void {
  const installs = commands.filter(
    (c) =>
      c.tool === 'poetry' &&
      c.subcommand !== null &&
      POETRY_CACHING.has(c.subcommand) &&
      c.sub &&
      !poetryDecidesCache(c),
  );
  if (installs.length === 0) return;
  const cacheDir = variableBefore(node, ['POETRY_CACHE_DIR'])?.value ?? null;
  if (hasPoetryCacheMount(node, cacheDir)) {
    plan.notes.push("Poetry's cache is a cache mount here: --no-cache not added");
    return;
  }
  const version = poetrySupportsNoCache(node, ctx.shell);
  if (!version.ok) {
    plan.notes.push(`--no-cache not added to poetry: ${version.reason}`);
    return;
  }
  for (const poetry of installs) {
    plan.edits.push({ start: poetry.sub!.end, end: poetry.sub!.end, text: ' --no-cache' });
    plan.did.push(`added --no-cache to \`poetry ${poetry.subcommand}\``);
  }
}

/**
 * pipenv has no option that keeps its caches out of the image (`pipenv --clear` is reported not
 * to clear them: pypa/pipenv#3353), so its documented cache directories are removed instead.
 */
function cleanPipenv(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  commands: PythonCommand[],
  plan: Plan,
): void {
  const installs = commands.filter(
    (c) => c.tool === 'pipenv' && c.subcommand !== null && PIPENV_INSTALLING.has(c.subcommand),
  );
  if (installs.length === 0 || hasPipenvCacheMount(node)) return;
  if (removesCacheDir(script, '.cache/pipenv')) return;
  const moved = variableBefore(node, [
    'PIPENV_CACHE_DIR',
    'PIP_CACHE_DIR',
    'XDG_CACHE_HOME',
    'HOME',
  ]);
  if (moved) {
    plan.notes.push(
      `pipenv's caches not removed: ${moved.name} is set, so they are not where ~/.cache says`,
    );
    return;
  }
  if (installs.some((c) => c.cmd.wrappers.length > 0)) {
    plan.notes.push(
      "pipenv's caches not removed: it runs under sudo/env, so ~ may not be its home",
    );
    return;
  }
  const cleanup = planCleanup(ctx.model, node, script, {
    installs: installs.map((c) => c.cmd),
    commands: ['rm -rf ~/.cache/pipenv ~/.cache/pip'],
    tools: ['pipenv'],
    packages: [],
    variables: ['HOME', 'PIPENV_CACHE_DIR', 'PIP_CACHE_DIR', 'XDG_CACHE_HOME'],
  });
  if (!cleanup.ok) {
    plan.notes.push(`pipenv's caches not removed: ${cleanup.reason}`);
    return;
  }
  plan.edits.push(cleanup.edit);
  plan.did.push(`appended \`${cleanup.command}\` (pipenv's and pip's caches)`);
}
