import type { Edit } from '../../src/core/edits.js';
import type { InstructionNode } from '../../src/core/model.js';
import { insertRunFlags } from '../../src/core/run-flags.js';
import { syntaxDirectiveReport } from '../../src/core/syntax-directive.js';
import { defineTransform, type Estimate, type TransformContext } from '../../src/core/transform.js';
import { workdirsOf } from '../../src/core/workdir.js';
import { removeCommands, removeWord } from '../../src/core/run/remove.js';
import type { ShellScript } from '../../src/shell/script.js';
import { PLANNERS } from './managers.js';
import {
  cacheRemovals,
  missingMounts,
  mountFlag,
  rootHome,
  type ManagerPlan,
  type PlanResult,
} from './plan.js';

export default defineTransform({
  meta: {
    id: 'cache-mounts',
    title: 'BuildKit cache mounts for package-manager caches (--cache-strategy mounts)',
    description:
      'Only with `--cache-strategy mounts`: adds `--mount=type=cache,target=…` for the package managers a RUN installs with (apt, pip, npm, Yarn 1, yum/dnf/microdnf, zypper, the Go build cache), removes the cleanup that the mount makes pointless (rm of the cache, apt-get clean, --no-cache-dir, npm cache clean…), and adds `# syntax=docker/dockerfile:1`. Needs BuildKit.',
    safety: 'safe',
    category: 'cache',
  },
  create(ctx) {
    if (ctx.settings.cacheStrategy !== 'mounts') return;
    const dirs = workdirsOf(ctx.model);
    let mounted = false;
    for (const stage of ctx.model.stages) {
      for (const node of stage.instructions) {
        if (node.keyword !== 'RUN') continue;
        const { script } = ctx.shell(node);
        if (script && planRun(ctx, node, script, dirs.before(node))) mounted = true;
      }
    }
    const directive = mounted ? syntaxDirectiveReport(ctx.model) : null;
    if (directive) ctx.report(directive);
  },
});

/** Reports what the strategy does to one RUN; returns whether it adds mounts. */
function planRun(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  cwd: string | null,
): boolean {
  const results = PLANNERS.map((plan) => plan({ ctx, node, script })).filter(
    (r): r is NonNullable<PlanResult> => r !== null,
  );
  const accepted: ManagerPlan[] = [];
  const refusals: string[] = [];
  const removals: Edit[][] = [];
  const home = rootHome(node);
  for (const result of results) {
    if ('refused' in result) {
      refusals.push(`${result.manager}: ${result.refused}`);
      continue;
    }
    const targets = result.caches.map((c) => c.target);
    const rm = cacheRemovals(script, targets, typeof home === 'string' ? home : null, cwd);
    if ('refused' in rm) {
      refusals.push(`${result.manager}: ${rm.refused}`);
      continue;
    }
    const commands = [...result.commands, ...rm.commands];
    const removal = removeCommands(script, commands);
    if (!removal.ok) {
      const what = commands.map((c) => `\`${firstLine(script, c.node)}\``).join(', ');
      refusals.push(
        `${result.manager}: its cleanup ${what} cannot be taken out (${removal.reason}), and it would empty the cache mount`,
      );
      continue;
    }
    accepted.push({ ...result, commands, words: [...result.words, ...rm.words] });
    removals.push(removal.edits);
  }
  for (const refusal of refusals) ctx.report({ message: `no cache mount for ${refusal}`, node });
  if (accepted.length === 0) return false;

  const commands = [...new Set(accepted.flatMap((p) => p.commands))];
  const removal = removeCommands(script, commands);
  if (!removal.ok) {
    ctx.report({
      message: `no cache mounts: the cleanup cannot be taken out (${removal.reason})`,
      node,
    });
    return false;
  }
  const mounts = accepted.flatMap((p) => missingMounts(node, p));
  const flags = [...new Set(mounts.map(mountFlag))];
  const words = [...new Set(accepted.flatMap((p) => p.words))];
  if (flags.length === 0 && removal.edits.length === 0 && words.length === 0) return false;

  const edits: Edit[] = [...removal.edits, ...words.map((w) => removeWord(script, w))];
  const insert = insertRunFlags(ctx.model, node, flags);
  if (insert) {
    // A removal that starts where the flags go takes the flags as its replacement text.
    const at = edits.find((e) => e.start === insert.start && e.end > e.start);
    if (at) at.text = insert.text + at.text;
    else edits.push(insert);
  }
  const did: string[] = [];
  if (flags.length > 0)
    did.push(
      `added cache mounts for ${accepted
        .filter((p) => missingMounts(node, p).length > 0)
        .map(
          (p) =>
            `${p.manager} (${missingMounts(node, p)
              .map((m) => m.target)
              .join(', ')})`,
        )
        .join(', ')}`,
    );
  const removed = [
    ...new Set([
      ...commands.map((c) => `\`${firstLine(script, c.node)}\``),
      ...words.map((w) => `\`${w.text}\``),
    ]),
  ];
  if (removed.length > 0)
    did.push(`removed the cleanup the mounts make pointless: ${removed.join(', ')}`);
  const notes = [...new Set(accepted.flatMap((p) => p.notes))];
  const estimate = sumEstimates(accepted.flatMap((p) => (p.estimate ? [p.estimate] : [])));
  ctx.report({
    message: `cache mounts: ${did.join('; ')}${notes.length ? ` (note: ${notes.join('; ')})` : ''}`,
    node,
    fix: edits,
    ...(estimate ? { estimate } : {}),
  });
  return flags.length > 0;
}

function sumEstimates(estimates: Estimate[]): Estimate | null {
  if (estimates.length === 0) return null;
  return {
    bytes: estimates.reduce((sum, e) => sum + e.bytes, 0),
    basis: estimates.map((e) => e.basis).join('; '),
  };
}

function firstLine(script: ShellScript, node: { start: number; end: number }): string {
  const text = script.source.slice(node.start, node.end).replace(/\\\n\s*/g, ' ');
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}
