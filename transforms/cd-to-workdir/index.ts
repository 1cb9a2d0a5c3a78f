import { copyArguments } from '../../src/core/copy-operands.js';
import type { Edit } from '../../src/core/edits.js';
import { indentOf, keywordCasedAs } from '../../src/core/layout.js';
import type { DockerfileModel, InstructionNode } from '../../src/core/model.js';
import { configIsObservable } from '../../src/core/stages.js';
import { defineTransform, type TransformContext } from '../../src/core/transform.js';
import { cleanPath, workdirsOf, workdirValue } from '../../src/core/workdir.js';
import { simpleCommand, topLevelChain, type SimpleCommand } from '../../src/shell/query.js';

/** Instructions that neither run anything nor name a path relative to the working directory. */
const INDEPENDENT = new Set([
  'ENV',
  'ARG',
  'LABEL',
  'EXPOSE',
  'USER',
  'STOPSIGNAL',
  'MAINTAINER',
  'SHELL',
]);

export default defineTransform({
  meta: {
    id: 'cd-to-workdir',
    title: 'RUN cd /dir && … → WORKDIR /dir',
    description:
      'A RUN that starts with `cd /abs &&` gets a WORKDIR instead, when nothing later in the stage depends on the directory it used to run in (or it already ran in /abs). Unsafe: WORKDIR outlives the RUN.',
    safety: 'unsafe',
    category: 'practice',
    hadolint: ['DL3003'],
  },
  create(ctx) {
    const workdirs = workdirsOf(ctx.model);
    for (const stage of ctx.model.stages) {
      // The directory a WORKDIR proposed in this pass sets, until the next WORKDIR of the stage,
      // and the RUNs whose `cd` that proposal already removes.
      let proposed: string | null = null;
      const followers = new Set<InstructionNode>();
      for (const node of stage.instructions) {
        if (node.keyword === 'WORKDIR') proposed = null;
        if (node.keyword !== 'RUN' || followers.has(node)) continue;
        const current: string | null = proposed ?? workdirs.before(node);
        const cd = leadingCd(ctx, node, current);
        if (!cd) continue;
        const refuse = (why: string) =>
          ctx.report({ message: `\`${cd.text}\` left in the RUN: ${why}`, node });
        if (!cd.ok) {
          refuse(cd.why);
          continue;
        }
        const { dir, removal } = cd;
        if (current === dir) {
          ctx.report({
            message: `removed \`${cd.text}\`: the stage already works in ${dir}`,
            node,
            fix: [removal],
          });
          continue;
        }
        const plan = planRest(ctx, node, current, dir);
        if (!plan.ok) {
          refuse(plan.why);
          continue;
        }
        // On the RUN's own line, so the edit stays within the instructions the finding names.
        const at = ctx.model.lines.lineStart(node.firstLine);
        const workdir = `${indentOf(ctx.model, node)}${keywordCasedAs(node, 'WORKDIR')} ${dir}\n`;
        proposed = dir;
        plan.followers.forEach((f) => followers.add(f.node));
        const also = plan.followers.length
          ? ` (and the same \`cd\` removed from ${plan.followers.length} later RUN${plan.followers.length > 1 ? 's' : ''})`
          : '';
        ctx.report({
          message: `\`${cd.text}\` → \`WORKDIR ${dir}\`: nothing later in the stage depends on the directory it ran in before${also}`,
          // The later RUNs are edited too: name them, so their ignore comments count.
          node: [node, ...plan.followers.map((f) => f.node)],
          fix: [
            { start: at, end: at, text: workdir },
            removal,
            ...plan.followers.map((f) => f.removal),
          ],
        });
      }
    }
  },
});

type LeadingCd =
  | { ok: true; text: string; dir: string; absolute: boolean; removal: Edit }
  | { ok: false; text: string; why: string };

/** The `cd <dir> &&` a RUN starts with, resolved against `current`; null when it starts otherwise. */
function leadingCd(
  ctx: TransformContext,
  node: InstructionNode,
  current: string | null,
): LeadingCd | null {
  const { script } = ctx.shell(node);
  if (!script) return null;
  const chain = topLevelChain(script);
  const first = chain[0]?.node;
  if (!first || first.type !== 'command') return null;
  const cd = simpleCommand(script, first);
  if (cd.name !== 'cd' || cd.wrappers.length > 0) return null;
  const text = script.source.slice(cd.node.start, cd.node.end);
  const dir = cdTarget(cd, current);
  if (typeof dir !== 'string') return { ok: false, text, why: dir.why };
  if (chain.length < 2 || chain[1].op !== '&&') {
    const why =
      chain.length < 2
        ? 'nothing follows it in the RUN'
        : 'it is not followed by `&&` (a failing cd would not stop the RUN)';
    return { ok: false, text, why };
  }
  const removal = { start: first.start, end: chain[1].node.start, text: '' };
  if (ctx.model.comments.some((c) => c.start > removal.start && c.start < removal.end))
    return { ok: false, text, why: 'a comment line sits inside what would be removed' };
  const absolute = cd.args[0].value!.startsWith('/');
  return { ok: true, text, dir, absolute, removal };
}

type RestPlan =
  { ok: true; followers: { node: InstructionNode; removal: Edit }[] } | { ok: false; why: string };

/**
 * Whether the rest of the stage can run in `dir` instead of `before` (the directory in effect
 * now): walking up to an absolute WORKDIR or the end of a stage whose configuration no one sees,
 * every instruction must be independent of the directory, or be a RUN starting with its own
 * `cd`: to an absolute path elsewhere (unaffected), or to `dir` itself (that `cd` is removed too).
 */
function planRest(
  ctx: TransformContext,
  node: InstructionNode,
  before: string | null,
  dir: string,
): RestPlan {
  const stage = node.stage!;
  const followers: { node: InstructionNode; removal: Edit }[] = [];
  const affected = (n: InstructionNode): RestPlan => ({
    ok: false,
    why: `line ${n.firstLine + 1} (${n.keyword}) would then run in ${dir}`,
  });
  for (const later of stage.instructions.filter((i) => i.index > node.index)) {
    if (later.keyword === 'WORKDIR') {
      const value = workdirValue(ctx.model, later);
      if (value?.startsWith('/') && !value.includes('$')) return { ok: true, followers };
      return affected(later);
    }
    if (INDEPENDENT.has(later.keyword)) continue;
    if (later.keyword === 'RUN') {
      const cd = leadingCd(ctx, later, before);
      if (cd?.ok && cd.dir === dir) followers.push({ node: later, removal: cd.removal });
      else if (!cd?.ok || !cd.absolute) return affected(later);
      continue;
    }
    if (
      (later.keyword === 'COPY' || later.keyword === 'ADD') &&
      absoluteDestination(ctx.model, later)
    )
      continue;
    return affected(later);
  }
  if (configIsObservable(ctx.model, stage))
    return {
      ok: false,
      why: `the stage's WORKDIR would become ${dir} for \`docker run\` and for stages built on it`,
    };
  return { ok: true, followers };
}

/**
 * The literal directory `cd <dir>` goes to, made absolute against the current one when relative;
 * or why it is not known.
 */
function cdTarget(cd: SimpleCommand, current: string | null): string | { why: string } {
  if (cd.prefixes.length > 0) return { why: 'it has a variable prefix' };
  if (cd.args.length !== 1) return { why: 'it is not `cd <one directory>`' };
  const value = cd.args[0].value;
  if (value === null || value.startsWith('~') || value === '-')
    return { why: 'its directory is only known when the shell runs' };
  if (value.startsWith('/')) return cleanPath(value);
  if (current === null)
    return { why: 'its directory is relative to a working directory that is not known' };
  return cleanPath(`${current}/${value}`);
}

function absoluteDestination(model: DockerfileModel, node: InstructionNode): boolean {
  const args = copyArguments(model, node);
  return !!args && args.destination.startsWith('/');
}
