import type { Edit } from '../../src/core/edits.js';
import { variableBefore } from '../../src/core/env.js';
import type { InstructionNode } from '../../src/core/model.js';
import { defineTransform, type TransformContext, shellRuns } from '../../src/core/transform.js';
import {
  copiedElsewhere,
  instructionSnippet,
  laterInstructions,
  planCleanup,
  toolInvocation,
} from '../../src/packages/hygiene.js';
import {
  choosesCacheDir,
  hasNodeCacheMount,
  installsOffline,
  isCleanup,
  isInstalling,
  NODE_CACHE_VARIABLES,
  NODE_CLEANUP,
  NODE_PACKAGES,
  nodeCommands,
  removesNodeCache,
  yarnBerryRisk,
  type NodeCommand,
  type NodeTool,
} from '../../src/packages/node.js';
import type { ShellScript } from '../../src/shell/script.js';

const TOOLS: readonly NodeTool[] = ['npm', 'yarn', 'pnpm'];

/** Path fragments of each tool's cache, for COPY --from checks. */
const CACHE_FRAGMENTS: Readonly<Record<NodeTool, string[]>> = {
  npm: ['.npm'],
  yarn: ['.cache/yarn', '.yarn/berry'],
  pnpm: ['pnpm'],
};

export default defineTransform({
  meta: {
    id: 'node-hygiene',
    title: 'npm, yarn and pnpm caches emptied in the RUN that fills them',
    description:
      'Appends `npm cache clean --force` after npm install/ci, `yarn cache clean` after Yarn 1 installs (only when the build context shows Yarn 1) and `pnpm store prune` after pnpm installs, in the same RUN, unless the cache is a cache mount. With `--cache-strategy mounts` it does nothing.',
    safety: 'safe',
    category: 'size',
    hadolint: ['DL3060'],
  },
  create(ctx) {
    if (ctx.settings.cacheStrategy === 'mounts') return;
    for (const { node, script } of shellRuns(ctx)) {
      const commands = nodeCommands(script);
      if (commands.length > 0) rewriteRun(ctx, node, script, commands);
    }
  },
});

function rewriteRun(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  commands: NodeCommand[],
): void {
  const edits: Edit[] = [];
  const did: string[] = [];
  const notes: string[] = [];
  for (const tool of TOOLS) {
    const result = cleanupFor(ctx, node, script, commands, tool);
    if (typeof result === 'string') notes.push(result);
    else if (result) {
      edits.push(result.edit);
      did.push(`appended \`${result.command}\``);
    }
  }
  if (edits.length > 0) ctx.report({ message: `node: ${did.join('; ')}`, node, fix: edits });
  for (const note of notes) ctx.report({ message: note, node });
}

/** The cleanup for one tool, a string saying why there is none, or null when none is due. */
function cleanupFor(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  commands: NodeCommand[],
  tool: NodeTool,
): { edit: Edit; command: string } | string | null {
  const installs = commands.filter((c) => c.tool === tool && isInstalling(c));
  if (installs.length === 0) return null;
  const last = installs[installs.length - 1];
  const after = last.cmd.node.end;
  const cleaned = commands.some((c) => c.tool === tool && isCleanup(c) && c.cmd.node.start > after);
  if (cleaned || removesNodeCache(script, tool, after)) return null;

  const configured =
    variableBefore(node, NODE_CACHE_VARIABLES[tool], tool === 'npm')?.value ?? null;
  if (hasNodeCacheMount(node, tool, configured))
    return `${tool} cache is a cache mount here: no cleanup needed`;
  if (installs.some(choosesCacheDir))
    return `${tool} cache not cleaned: the install chooses its own cache directory`;
  const offline = laterInstructions(ctx.model, node).find((later) => {
    const laterScript = later.keyword === 'RUN' ? ctx.shell(later).script : null;
    return (
      laterScript !== null &&
      nodeCommands(laterScript).some((c) => c.tool === tool && installsOffline(c))
    );
  });
  if (offline)
    return `${tool} cache not cleaned: a later RUN (${instructionSnippet(ctx.model, offline)}) installs --offline from it`;
  const copy = copiedElsewhere(ctx.model, node, CACHE_FRAGMENTS[tool]);
  if (copy) return `${tool} cache not cleaned: ${instructionSnippet(ctx.model, copy)} copies it`;
  if (tool === 'yarn') {
    const risk = yarnBerryRisk(ctx.model, ctx.buildContext);
    if (risk)
      return `yarn cache not cleaned: ${risk} (Yarn 2+ loads packages from its cache at run time)`;
  }
  const invocation = toolInvocation(last.cmd);
  if (!invocation)
    return `${tool} cache not cleaned: ${tool} is called by a relative or dynamic path`;

  const plan = planCleanup(ctx.model, node, script, {
    installs: installs.map((c) => c.cmd),
    commands: [`${invocation} ${NODE_CLEANUP[tool]}`],
    tools: [tool],
    packages: NODE_PACKAGES[tool],
    variables: ['HOME', 'PATH', 'XDG_CACHE_HOME', ...NODE_CACHE_VARIABLES[tool]],
  });
  if (!plan.ok) return `${tool} cache not cleaned: ${plan.reason}`;
  return { edit: plan.edit, command: plan.command };
}
