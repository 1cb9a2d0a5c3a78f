/**
 * Cache-friendly COPY ordering, shared by `copy-order` (checked against the build context) and
 * `copy-order-unchecked` (no context, or Cargo's stub build).
 *
 * The rewrite moves the broad COPY down rather than the install up:
 *
 *   COPY --chown=app . /app            COPY --chown=app package.json package-lock.json /app/
 *   WORKDIR /app                  →    WORKDIR /app
 *   RUN npm ci && npm run build        RUN npm ci
 *                                      COPY --chown=app . /app
 *                                      RUN npm run build
 *
 * so the install keeps its place: the same WORKDIR, USER, ENV, ARG and SHELL, the same flags; the
 * manifests come from the same COPY (same flags, same destination); and the source arrives, with
 * the same instruction text, before anything that followed the install. What the install sees
 * changes only in that the rest of the source is not there yet, which is what the checks are for:
 * the install's inputs are known files (and it runs no script of the project's), nothing between
 * the COPY and the install may need the copied files, and nothing the install writes inside the
 * project may be brought over it by the copy of the source.
 */
import {
  argsText,
  type DockerfileModel,
  type InstructionNode,
  type Stage,
} from '../../src/core/model.js';
import type { TransformContext } from '../../src/core/transform.js';
import {
  copySpec,
  hasGlob,
  isPlainPath,
  isRemoteSource,
  type CopySpec,
} from '../../src/core/copy.js';
import { normalizeContextPath } from '../../src/core/dockerignore.js';
import { envAt, expand, joinPath, relativeInside, symbolicWorkdirs } from '../../src/core/paths.js';
import { classifyCommand } from '../../src/packages/installs/index.js';
import { commandsOf } from '../../src/shell/query.js';
import { analyzeChain, short, type ChainPlan } from './chain.js';
import { buildEdits } from './edits.js';
import { resolveManifests, type BroadCopy } from './manifests.js';

/** `checked`: copy-order, with a build context. `unchecked`: without one, or the unsafe installs. */
export type Mode = 'checked' | 'unchecked';

/** Instructions the COPY may move past: they neither read the copied files nor change the COPY. */
const TRANSPARENT = new Set([
  'ENV',
  'ARG',
  'USER',
  'LABEL',
  'EXPOSE',
  'CMD',
  'ENTRYPOINT',
  'HEALTHCHECK',
  'STOPSIGNAL',
  'MAINTAINER',
  'SHELL',
  'ONBUILD',
  'WORKDIR',
]);
const COPY_FLAGS = new Set(['chown', 'chmod', 'link']);

export function planCopyOrder(ctx: TransformContext, mode: Mode): void {
  const context = ctx.buildContext;
  for (const stage of ctx.model.stages) {
    const workdirs = symbolicWorkdirs(ctx.model, stage);
    for (const node of stage.instructions) {
      const copy = broadCopy(ctx, stage, node, workdirs, mode);
      if (!copy) continue;
      const found = findInstall(ctx, stage, copy, workdirs);
      if (!found) continue;
      const { run, plan, blocker } = found;
      const fail = (reason: string) =>
        ctx.report({
          message: `dependency install left after \`${short(nodeText(ctx.model, node))}\`: ${reason}`,
          node: [node, run],
        });
      // The manifests were copied and installed first already: nothing to say.
      if (installedBefore(ctx, stage, node, plan)) continue;
      if (blocker) {
        fail(blocker);
        continue;
      }
      const unsafeReason = plan.installs.map((i) => i.install.unsafe).find(Boolean);
      // copy-order-unchecked with a context only takes what copy-order must leave to it.
      if (mode === 'unchecked' && context && !unsafeReason) continue;
      if (mode === 'checked' && !context) {
        fail(
          'no build context to check the manifests against (give --context DIR, or enable copy-order-unchecked)',
        );
        continue;
      }
      if (mode === 'checked' && unsafeReason) {
        fail(`${unsafeReason} (enable copy-order-unchecked to do it anyway)`);
        continue;
      }
      const resolution = resolveManifests(copy.broad, plan.installs, context);
      if (!resolution.ok) {
        fail(resolution.reason);
        continue;
      }
      if (resolution.manifests.length === 0) continue;
      const edits = buildEdits(ctx, copy.spec, run, plan, copy.broad, resolution);
      if (!edits.ok) {
        fail(edits.reason);
        continue;
      }
      const names = resolution.manifests.map((m) => m.source).join(', ');
      const tools = [...new Set(plan.installs.map((i) => i.install.tool))].join(', ');
      const what =
        plan.mode === 'fetch'
          ? `runs \`${short(plan.installs[0].install.fetch!)}\` on ${names} before \`${short(nodeText(ctx.model, node))}\``
          : `copies ${names} first and \`${short(nodeText(ctx.model, node))}\` after the ${tools} install`;
      const unchecked =
        mode === 'unchecked'
          ? context
            ? ` (unchecked: ${unsafeReason})`
            : ' (unchecked: no build context, so the manifests are assumed to exist and to be all the install reads)'
          : '';
      ctx.report({
        message: `${what}: a change to other files no longer re-runs the dependency download${unchecked}`,
        node: [node, run],
        fix: edits.edits,
      });
    }
  }
}

interface Broad {
  spec: CopySpec;
  broad: BroadCopy;
}

/** A COPY/ADD of a whole folder of the build context, with a plain destination. */
function broadCopy(
  ctx: TransformContext,
  stage: Stage,
  node: InstructionNode,
  workdirs: Map<number, string>,
  mode: Mode,
): Broad | null {
  const spec = copySpec(ctx.model, node);
  if (!spec || spec.from !== null || spec.sources.length !== 1) return null;
  if (spec.flags.some((f) => !COPY_FLAGS.has(f.name))) return null;
  const sourceText = spec.sources[0].text;
  if (!isPlainPath(sourceText) || hasGlob(sourceText) || isRemoteSource(sourceText)) return null;
  if (/["'\\`]/.test(spec.dest.text)) return null;
  const source = normalizeContextPath(sourceText);
  if (source === null) return null;
  const context = ctx.buildContext;
  if (context) {
    if (!context.isDirectory(source) || context.isExcluded(source)) return null;
  } else if (!(sourceText === '.' || sourceText === './' || sourceText.endsWith('/'))) {
    return null; // without a context, only a path that is a folder for sure
  }
  const dest = joinPath(
    workdirs.get(node.index)!,
    expand(spec.dest.text, envAt(ctx.model, stage, node)),
  );
  if (dest === '/') return null; // the whole image: every install writes inside it
  return { spec, broad: { source, dest, destText: spec.dest.text } };
}

interface Found {
  run: InstructionNode;
  plan: ChainPlan;
  /** Why the instructions between the COPY and the install forbid the move, if they do. */
  blocker: string | null;
}

/** The first RUN after the COPY that installs into what it copied, and what lies between. */
function findInstall(
  ctx: TransformContext,
  stage: Stage,
  copy: Broad,
  workdirs: Map<number, string>,
): Found | null {
  const after = stage.instructions.slice(stage.instructions.indexOf(copy.spec.node) + 1);
  const destIsRelative = !/^[/$]/.test(copy.broad.destText);
  let blocker: string | null = null;
  const block = (reason: string) => (blocker ??= reason);
  // WORKDIRs inside the copied folder: fine when the manifests' COPY creates that folder anyway.
  const workdirsInside: string[] = [];
  for (const node of after) {
    const cwd = workdirs.get(node.index)!;
    if (node.keyword === 'RUN') {
      const { script, reason } = ctx.shell(node);
      if (!script) {
        block(`\`${short(nodeText(ctx.model, node))}\` (${reason}) comes between them`);
        continue;
      }
      const chain = analyzeChain(script, cwd);
      if (chain.kind === 'setup') {
        if (
          chain.touches.some(
            (t) =>
              t === '<unknown>' ||
              relativeInside(copy.broad.dest, t) !== null ||
              relativeInside(t, copy.broad.dest) !== null,
          )
        )
          block(
            `\`${short(nodeText(ctx.model, node))}\` between them writes where the COPY copies to`,
          );
        continue;
      }
      const installs =
        chain.kind === 'plan'
          ? chain.plan.installs.filter(
              (i) => relativeInside(copy.broad.dest, joinPath(i.cwd, i.install.project)) !== null,
            )
          : [];
      if (chain.kind === 'refused' && readsFrom(script, cwd, copy.broad.dest))
        return { run: node, plan: emptyPlan(toolsOf(script)), blocker: blocker ?? chain.reason };
      if (chain.kind !== 'plan' || installs.length === 0) {
        block(`\`${short(nodeText(ctx.model, node))}\` between them may need the copied files`);
        continue;
      }
      const plan = { ...chain.plan, installs };
      const projects = installs.map((i) =>
        relativeInside(copy.broad.dest, joinPath(i.cwd, i.install.project)),
      );
      if (workdirsInside.some((w) => !projects.includes(w)))
        block('a WORKDIR between them is inside the copied folder');
      if (
        plan.touches.some((t) => t === '<unknown>' || relativeInside(copy.broad.dest, t) !== null)
      )
        return {
          run: node,
          plan,
          blocker: blocker ?? 'a command before the install writes into the copied folder',
        };
      return { run: node, plan, blocker };
    }
    if (node.keyword === 'COPY' || node.keyword === 'ADD') {
      const spec = copySpec(ctx.model, node);
      if (!spec || /["'\\`]/.test(spec.dest.text)) {
        block(`\`${short(nodeText(ctx.model, node))}\` comes between them`);
        continue;
      }
      const dest = joinPath(cwd, expand(spec.dest.text, envAt(ctx.model, stage, node)));
      if (
        relativeInside(copy.broad.dest, dest) !== null ||
        relativeInside(dest, copy.broad.dest) !== null
      )
        block(`\`${short(nodeText(ctx.model, node))}\` between them copies into the same place`);
      continue;
    }
    if (!TRANSPARENT.has(node.keyword)) {
      block(`\`${node.keyword}\` between them`);
      continue;
    }
    if (
      (node.keyword === 'ENV' || node.keyword === 'ARG') &&
      /\$/.test(nodeText(ctx.model, copy.spec.node))
    )
      block(`\`${short(nodeText(ctx.model, node))}\` between them may change the COPY's variables`);
    if (node.keyword === 'WORKDIR') {
      if (destIsRelative)
        block('a WORKDIR between them changes where the relative destination points');
      const target = joinPath(
        cwd,
        expand(argsText(ctx.model, node), envAt(ctx.model, stage, node)),
      );
      const inside = relativeInside(copy.broad.dest, target);
      if (inside !== null && inside !== '') workdirsInside.push(inside);
    }
  }
  return null;
}

/** Whether a refused install works inside the copied folder (else it is not our business). */
function readsFrom(script: Parameters<typeof commandsOf>[0], cwd: string, dest: string): boolean {
  return relativeInside(dest, cwd) !== null || commandsOf(script).some((c) => c.name === 'cd');
}

/** A plan for a RUN that cannot be split: only the tools it installs with are known. */
function emptyPlan(tools: string[]): ChainPlan {
  return {
    mode: 'split',
    installs: [],
    tools,
    prefixEnd: 0,
    restStart: null,
    state: [],
    touches: [],
    build: null,
  };
}

function toolsOf(script: Parameters<typeof commandsOf>[0]): string[] {
  return commandsOf(script).flatMap((cmd) => {
    const c = classifyCommand(script, cmd);
    return c.kind === 'install' ? [c.install.tool] : [];
  });
}

/** An install of the same tool earlier in the stage: the manifests were copied first already. */
function installedBefore(
  ctx: TransformContext,
  stage: Stage,
  copy: InstructionNode,
  plan: ChainPlan,
): boolean {
  const tools = new Set([...plan.installs.map((i) => i.install.tool), ...(plan.tools ?? [])]);
  for (const node of stage.instructions) {
    if (node === copy) break;
    if (node.keyword !== 'RUN') continue;
    const { script } = ctx.shell(node);
    if (!script) continue;
    for (const cmd of commandsOf(script)) {
      const c = classifyCommand(script, cmd);
      if (c.kind === 'install' && tools.has(c.install.tool)) return true;
    }
  }
  return false;
}

function nodeText(model: DockerfileModel, node: InstructionNode): string {
  return model.text.slice(node.start, node.end);
}
