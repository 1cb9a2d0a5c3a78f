import { fromImage } from '../../src/core/image-ref.js';
import { keywordCasedAs } from '../../src/core/layout.js';
import { onbuildTrigger } from '../../src/core/model.js';
import { workdirsOf, workdirValue } from '../../src/core/workdir.js';
import { defineTransform, type TransformContext } from '../../src/core/transform.js';
import { runtimeFiles } from './files.js';
import { userProblem, type Facts, type Plan, type Planned } from './facts.js';
import type { FactsQuestion } from '../../src/core/build-facts.js';
import { planFromBuild } from './from-build.js';
import { planGo } from './go.js';
import { stageQuestion } from './question.js';
import { planC, planJava, planNode, planRust } from './plan.js';
import { planPython, type PythonPlanned, type PythonSplit } from './python.js';
import { loadRuntimes } from './runtimes.js';

/** Configuration the runtime stage keeps, before the copied files (paths and environment)… */
const CONFIG_BEFORE = new Set(['ARG', 'ENV', 'LABEL', 'WORKDIR', 'SHELL', 'MAINTAINER']);
/** …and after them (who runs what, and how). */
const CONFIG_AFTER = new Set([
  'USER',
  'EXPOSE',
  'VOLUME',
  'HEALTHCHECK',
  'STOPSIGNAL',
  'ENTRYPOINT',
  'CMD',
]);

const PLANNERS: ((facts: Facts) => Planned)[] = [planGo, planRust, planJava, planNode, planC];

export default defineTransform({
  meta: {
    id: 'multi-stage',
    title: 'Split a single-stage build into a build stage and a slim runtime stage',
    description:
      'For a single-stage Dockerfile that compiles an artifact (Go, Rust, C/C++, Java with Maven/Gradle, Node with a build step) and ships the toolchain, names the stage `build` and adds a runtime stage on a small image that copies only the artifact and the files the app reads, keeping the whole runtime configuration.',
    safety: 'unsafe',
    category: 'size',
    options: {
      runtimes: {
        type: 'object',
        default: {},
        description:
          'Entries tried before the shipped runtimes.json: { "debianRelease": [...], "slimFor": {...}, "static": "<image>", "jre": [...] }.',
      },
    },
  },
  create(ctx) {
    const stages = ctx.model.stages;
    if (stages.length === 0) return;
    const runtimes = loadRuntimes(ctx.options.runtimes);
    const final = stages[stages.length - 1];
    const image = fromImage(ctx.model, final);
    const facts: Facts = {
      workdirs: workdirsOf(ctx.model),
      model: ctx.model,
      context: ctx.buildContext,
      stage: final,
      shell: ctx.shell,
      runtimes,
      image: image?.text ?? '',
    };
    let planned: Planned | PythonPlanned = null;
    for (const planner of [...PLANNERS, planPython]) {
      planned = planner(facts);
      if (planned) break;
    }
    if (!planned) return;
    const refuse = (why: string, question?: FactsQuestion | null) =>
      ctx.report({
        message: `build not split into stages: ${why}`,
        node: final.from,
        ...(question ? { question } : {}),
      });
    if (stages.length > 1) return refuse('already multi-stage');
    if ('refuse' in planned && !planned.askBuild) return refuse(planned.refuse);
    if (!image || image.text.includes('$'))
      return refuse('the build image comes from a build argument');
    const onbuild = final.instructions.find((n) => n.keyword === 'ONBUILD');
    if (onbuild)
      return refuse(
        `ONBUILD ${onbuildTrigger(onbuild) ?? ''} triggers would run in the runtime image too`.replace(
          '  ',
          ' ',
        ),
      );
    if ('refuse' in planned) {
      // Reading alone cannot tell; a build of the original can (`--build`).
      const answer = ctx.buildFacts?.[final.index];
      if (!answer) return refuse(planned.refuse, stageQuestion(facts));
      if (!answer.ok)
        return refuse(`${planned.refuse}; the build that could tell failed: ${answer.reason}`);
      const fromBuild = planFromBuild(facts, answer.facts);
      if ('refuse' in fromBuild) return refuse(`${planned.refuse}; ${fromBuild.refuse}`);
      planned = fromBuild;
    }
    if ('runtimeLines' in planned) return splitPython(ctx, facts, planned);
    split(ctx, facts, planned);
  },
});

/** Python: the runtime stage repeats the original (see python.ts); the build stage writes wheels. */
function splitPython(ctx: TransformContext, facts: Facts, plan: PythonSplit): void {
  const { stage, model } = facts;
  const user = userProblem(facts, true);
  if (user)
    return ctx.report({ message: `build not split into stages: ${user}`, node: stage.from });
  const endsWithNewline = model.text.endsWith('\n');
  const tail = `${endsWithNewline ? '' : '\n'}\n${plan.runtimeLines.join('\n')}${endsWithNewline ? '\n' : ''}`;
  const edits = [
    ...plan.buildEdits,
    { start: model.text.length, end: model.text.length, text: tail },
  ];
  if (!stage.name)
    edits.push({
      start: stage.from.end,
      end: stage.from.end,
      text: ` ${keywordCasedAs(stage.from, 'AS')} build`,
    });
  ctx.report({
    message: `split into a build stage and a runtime stage with ${plan.summary}; the runtime stage repeats every other instruction of the original`,
    node: stage.from,
    // The runtime stage is appended at the end of the file: the finding spans everything it edits.
    range: { start: stage.from.start, end: model.text.length },
    fix: edits,
  });
}

/**
 * The WORKDIR line the runtime stage needs instead of the original ones, or null to copy those
 * verbatim. On the same image they mean the same; on another image a relative WORKDIR, or the
 * build image's own WORKDIR (`/go` in golang), would land elsewhere: the runtime gets the
 * directory the build stage ends in, written absolutely.
 */
function runtimeWorkdir(facts: Facts, plan: Plan): string | null | { refuse: string } {
  if (plan.runtime === facts.image) return null;
  const workdirs = facts.stage.instructions.filter((n) => n.keyword === 'WORKDIR');
  const allAbsolute = workdirs.every((n) => workdirValue(facts.model, n)?.startsWith('/'));
  if (workdirs.length > 0 && allAbsolute) return null;
  const end = facts.workdirs.atEnd(facts.stage);
  if (end === null) return { refuse: 'the working directory the app runs in is not known' };
  return workdirs.length === 0 && end === '/' ? null : end;
}

function split(ctx: TransformContext, facts: Facts, plan: Plan): void {
  const { stage, model } = facts;
  const refuse = (why: string) =>
    ctx.report({ message: `build not split into stages: ${why}`, node: stage.from });
  const user = userProblem(facts, plan.runtime === facts.image);
  if (user) return refuse(user);
  const files = runtimeFiles(stage, plan.language, ctx.buildContext, facts.workdirs);
  if (!files.ok) return refuse(files.reason);

  const name = stage.name ?? 'build';
  const kw = (k: string) => keywordCasedAs(stage.from, k);
  const text = (n: { start: number; end: number }) => model.text.slice(n.start, n.end);
  const workdir = runtimeWorkdir(facts, plan);
  if (workdir !== null && typeof workdir === 'object') return refuse(workdir.refuse);
  const lines = [`${kw('FROM')} ${plan.runtime}`];
  for (const node of stage.instructions) {
    if (!CONFIG_BEFORE.has(node.keyword)) continue;
    if (node.keyword === 'WORKDIR' && workdir !== null) continue;
    lines.push(text(node));
  }
  if (workdir !== null) lines.push(`${kw('WORKDIR')} ${workdir}`);
  if (plan.packages.length > 0)
    lines.push(
      `${kw('RUN')} ${plan.packagePrelude ? `${plan.packagePrelude} && ` : ''}apt-get update && apt-get install -y --no-install-recommends ${plan.packages.join(' ')} && rm -rf /var/lib/apt/lists/*`,
    );
  lines.push(...plan.setup);
  for (const path of plan.artifacts) lines.push(`${kw('COPY')} --from=${name} ${path} ${path}`);
  for (const { from, to } of plan.renamed ?? [])
    lines.push(`${kw('COPY')} --from=${name} ${from} ${to}`);
  for (const copy of files.copies)
    lines.push(
      `${kw('COPY')} --from=${name}${copy.flags.map((f) => ` ${f}`).join('')} ${copy.path} ${copy.path}`,
    );
  lines.push(...(plan.after ?? []));
  for (const node of stage.instructions) if (CONFIG_AFTER.has(node.keyword)) lines.push(text(node));

  const endsWithNewline = model.text.endsWith('\n');
  const tail = `${endsWithNewline ? '' : '\n'}\n${lines.join('\n')}${endsWithNewline ? '\n' : ''}`;
  const edits = [{ start: model.text.length, end: model.text.length, text: tail }];
  if (!stage.name)
    edits.push({ start: stage.from.end, end: stage.from.end, text: ` ${kw('AS')} build` });
  const kept = files.copies.length
    ? `; also copies ${files.copies.map((c) => c.path).join(', ')}`
    : '';
  ctx.report({
    message: `split into a build stage and a runtime stage with ${plan.summary}${kept}; the runtime stage keeps the ENV, WORKDIR, USER, EXPOSE, VOLUME, LABEL, HEALTHCHECK and ENTRYPOINT/CMD of the original (check that the app reads no other file from the build stage)`,
    node: stage.from,
    // The runtime stage is appended at the end of the file: the finding spans everything it edits.
    range: { start: stage.from.start, end: model.text.length },
    fix: edits,
  });
}
