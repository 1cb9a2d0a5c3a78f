import { commentBlockAbove, deletionOfLines } from '../../src/core/layout.js';
import type { InstructionNode } from '../../src/core/model.js';
import {
  defineTransform,
  type Estimate,
  type TransformContext,
  shellRuns,
} from '../../src/core/transform.js';
import { cleansAptLists, LISTS_ESTIMATE, updatesBeforeUse } from '../../src/packages/apt.js';
import { cleanupEffect, cleanupOnly, type CleanupEffect } from '../../src/packages/cleanup.js';
import { planRunMerge } from '../../src/core/run/merge.js';
import { within } from '../../src/shell/paths.js';
import { hasOption, simpleCommand, topLevelChain } from '../../src/shell/query.js';
import { textOf, type ShellScript } from '../../src/shell/script.js';
import { reportCopiedArchives } from './archives.js';
import { traceCleanup } from './trace.js';

export default defineTransform({
  meta: {
    id: 'fold-cleanup',
    title: 'Move cleanup RUNs into the RUN that made the mess',
    description:
      'A file deleted in a later layer still ships in the layer that wrote it. A RUN that only deletes or cleans (rm, apt-get clean/purge/autoremove) moves into the earlier RUN of the stage that wrote what it deletes, when nothing in between depends on those files. Also reports archives that a COPY/ADD layer keeps although a RUN deletes them.',
    safety: 'safe',
    category: 'size',
  },
  create(ctx) {
    for (const { node, script } of shellRuns(ctx)) {
      const effects = cleanupOnly(script);
      if (effects) foldCleanup(ctx, node, script, effects);
    }
    reportCopiedArchives(ctx);
  },
});

function foldCleanup(
  ctx: TransformContext,
  node: InstructionNode,
  script: ShellScript,
  effects: CleanupEffect[],
): void {
  const what = `\`${snippet(textOf(script, script.root))}\``;
  const trace = traceCleanup(ctx.model, node, effects, ctx.shell);
  if (trace.copy) {
    ctx.report({
      message: `${what} deletes files that the ${trace.copy.keyword} at line ${trace.copy.firstLine + 1} put in its own layer: they still ship in the image (do not copy them, or bind-mount them into the RUN that needs them)`,
      node,
    });
    return;
  }
  const creator = trace.creator;
  if (!creator) return;
  const at = `the RUN at line ${creator.firstLine + 1}`;
  if (trace.blocker) {
    ctx.report({
      message: `${what} stays in its own RUN, so what it deletes still ships in the layer of ${at}: ${trace.blocker}`,
      node: [creator, node],
    });
    return;
  }
  const creatorScript = ctx.shell(creator).script!;
  const estimate = estimateFor(creatorScript, effects);
  if (alreadyDone(creatorScript, script, effects)) {
    ctx.report({
      message: `removed ${what}: ${at} already ends with the same cleanup, and nothing in between writes those files again`,
      node: [creator, node],
      fix: [deletionOfLines(ctx.model, commentBlockAbove(ctx.model, node), node)],
    });
    return;
  }
  const plan = planRunMerge(ctx.model, creator, node, ctx.shell, { acrossInstructions: true });
  if (!plan.ok) {
    ctx.report({
      message: `${what} stays in its own RUN, so what it deletes still ships in the layer of ${at}: ${plan.reason}`,
      node: [creator, node],
    });
    return;
  }
  const notes = plan.notes.length ? ` (${plan.notes.join('; ')})` : '';
  ctx.report({
    message: `moved ${what} into ${at}, the last RUN that wrote or used what it deletes: deleted in a layer of its own, the files still shipped in that RUN's layer${notes}`,
    node: [creator, node],
    fix: plan.edits,
    ...(estimate ? { estimate } : {}),
  });
}

/** The apt lists estimate, when the cleanup removes lists that the creator fetched and kept. */
function estimateFor(creator: ShellScript, effects: CleanupEffect[]): Estimate | null {
  const removesLists = effects.some((e) =>
    e.paths.some(
      (p) =>
        p.kind === 'absolute' &&
        (within(p.path, '/var/lib/apt/lists') || within('/var/lib/apt/lists', p.path)),
    ),
  );
  return removesLists && updatesBeforeUse(creator).updates.length > 0 && !cleansAptLists(creator)
    ? LISTS_ESTIMATE
    : null;
}

/**
 * The creator already ends with exactly these cleanups (top-level, after everything else it does),
 * and they cannot fail (`rm -f`, `apt-get clean`): repeating them in a later RUN deletes nothing.
 */
function alreadyDone(
  creator: ShellScript,
  cleanup: ShellScript,
  effects: CleanupEffect[],
): boolean {
  const normal = (s: ShellScript, start: number, end: number) =>
    s.source.slice(start, end).replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  // The cleanups the creator runs last, unconditionally: nothing after them writes files.
  const tail = new Set<string>();
  const chain = topLevelChain(creator);
  for (let i = chain.length - 1; i > 0; i--) {
    const item = chain[i];
    if (item.op === '||' || item.op === '&' || item.node.type !== 'command') break;
    if (!cleanupEffect(creator, simpleCommand(creator, item.node))) break;
    tail.add(normal(creator, item.node.start, item.node.end));
  }
  return effects.every((effect) => {
    const cannotFail =
      effect.cmd.name === 'rm' ? hasOption(effect.cmd, ['f'], ['force']) : effect.paths.length > 0;
    const text = normal(cleanup, effect.cmd.node.start, effect.cmd.node.end);
    return cannotFail && effect.packages === null && tail.has(text);
  });
}

/** The cleanup as one short line: continuations joined, comment lines inside them dropped. */
function snippet(text: string): string {
  const line = text
    .split('\n')
    .filter((l, i) => i === 0 || !l.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
