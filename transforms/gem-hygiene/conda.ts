/**
 * `conda clean -afy` (all caches, forcing the package directories, without a prompt) after conda
 * installs, in the same RUN: the downloaded archives and extracted packages stay in the layer
 * otherwise. conda hard-links environments to its package cache by default, so they keep working;
 * an install that links by symlink (`--symlink`, `always_softlink`) is refused, as conda's own
 * documentation warns that `--force-pkgs-dirs` breaks those.
 */
import type { Edit } from '../../src/core/edits.js';
import { variableBefore } from '../../src/core/env.js';
import type { InstructionNode } from '../../src/core/model.js';
import type { TransformContext } from '../../src/core/transform.js';
import {
  CONDA_INSTALLING,
  cleansCondaCache,
  condaCommands,
  hasCondaCacheMount,
  linksBySymlink,
} from '../../src/packages/conda.js';
import {
  copiedElsewhere,
  instructionSnippet,
  planCleanup,
  toolInvocation,
} from '../../src/packages/hygiene.js';
import type { ShellScript } from '../../src/shell/script.js';

export function condaCleanup(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
): { edit: Edit; command: string } | string | null {
  const installs = condaCommands(script).filter(
    (c) => c.subcommand !== null && CONDA_INSTALLING.has(c.subcommand),
  );
  if (installs.length === 0) return null;
  const last = installs[installs.length - 1];
  if (cleansCondaCache(script, last.cmd.node.end)) return null;
  const configured = variableBefore(node, ['CONDA_PKGS_DIRS'])?.value ?? null;
  if (hasCondaCacheMount(node, configured))
    return 'conda package cache is a cache mount here: no cleanup needed';
  if (linksBySymlink(script))
    return 'conda cache not cleaned: packages are linked by symlink, which `conda clean -f` would break';
  const copy = copiedElsewhere(ctx.model, node, ['/pkgs']);
  if (copy) return `conda cache not cleaned: ${instructionSnippet(ctx.model, copy)} copies it`;
  const invocation = toolInvocation(last.cmd);
  if (!invocation) return 'conda cache not cleaned: conda is called by a relative or dynamic path';
  const plan = planCleanup(ctx.model, node, script, {
    installs: installs.map((c) => c.cmd),
    commands: [`${invocation} clean -afy`],
    tools: ['conda'],
    packages: ['conda'],
    variables: ['PATH', 'CONDA_PKGS_DIRS'],
  });
  if (!plan.ok) return `conda cache not cleaned: ${plan.reason}`;
  return { edit: plan.edit, command: plan.command };
}
