/**
 * The `distroless` policy: only a final stage that runs one static artifact qualifies. Such a stage
 * has no RUN (distroless has no shell), exec-form CMD/ENTRYPOINT, a user distroless has, and runs
 * a file it copies from a stage that builds it statically (`CGO_ENABLED=0 go build -o X`).
 */
import { variableBefore } from '../../src/core/env.js';
import type { DockerfileModel, InstructionNode, Stage } from '../../src/core/model.js';
import { absolutePath, copySpec, execArgv, lastOf, userAt } from '../../src/core/stage-state.js';
import { workdirsOf } from '../../src/core/workdir.js';
import { goBuilds } from '../../src/packages/builds.js';
import type { ShellResult } from '../../src/shell/script.js';

/** Users present in gcr.io/distroless/static (its /etc/passwd). */
const DISTROLESS_USERS = /^(root|nonroot|nobody|\d+)(:(root|nonroot|nobody|\d+))?$/;

export type Eligibility = { ok: true; artifact: string } | { ok: false; reason: string };

export function distrolessEligible(
  model: DockerfileModel,
  stage: Stage,
  shell: (n: InstructionNode) => ShellResult,
): Eligibility {
  if (stage !== model.stages[model.stages.length - 1])
    return { ok: false, reason: 'not the final stage' };
  for (const node of stage.instructions) {
    if (['RUN', 'SHELL', 'ONBUILD'].includes(node.keyword))
      return {
        ok: false,
        reason: `the stage has ${node.keyword}, which needs a shell distroless does not have`,
      };
    if ((node.keyword === 'CMD' || node.keyword === 'ENTRYPOINT') && !node.json)
      return { ok: false, reason: `shell-form ${node.keyword} needs /bin/sh` };
    if (
      node.keyword === 'HEALTHCHECK' &&
      /\bCMD-SHELL\b|\bCMD\s+[^[\s]/i.test(node.ast.getArgumentsContent() ?? '')
    )
      return { ok: false, reason: 'a shell-form HEALTHCHECK needs /bin/sh' };
  }
  const user = userAt(stage);
  if (user !== null && !DISTROLESS_USERS.test(user))
    return { ok: false, reason: `USER ${user} does not exist in distroless` };
  const entry = lastOf(stage, 'ENTRYPOINT') ?? lastOf(stage, 'CMD');
  const argv = entry ? execArgv(entry) : null;
  if (!argv || argv.length === 0)
    return { ok: false, reason: 'no exec-form ENTRYPOINT or CMD to check' };
  const copies = stage.instructions.filter((n) => n.keyword === 'COPY' || n.keyword === 'ADD');
  if (copies.length !== 1)
    return { ok: false, reason: 'the stage does not copy exactly one artifact' };
  const spec = copySpec(copies[0]);
  if (!spec || !spec.from || spec.sources.length !== 1)
    return { ok: false, reason: 'the artifact is not copied from a build stage' };
  const workdirs = workdirsOf(model);
  const source = spec.sources[0];
  const dest = absolutePath(spec.dest, workdirs.before(copies[0]));
  const program = absolutePath(argv[0], workdirs.atEnd(stage));
  if (!dest || !program) return { ok: false, reason: 'the working directory is not known' };
  const installed = dest.endsWith('/') ? `${dest}${source.split('/').pop()}` : dest;
  if (program !== installed)
    return { ok: false, reason: `${entry!.keyword} does not run the copied artifact` };

  const from = model.stages.find(
    (s) => s.name?.toLowerCase() === spec.from!.toLowerCase() || String(s.index) === spec.from,
  );
  if (!from) return { ok: false, reason: `--from=${spec.from} is not a stage of this file` };
  for (const node of from.instructions) {
    if (node.keyword !== 'RUN') continue;
    const { script } = shell(node);
    if (!script) continue;
    for (const build of goBuilds(script)) {
      if (!build.output) continue;
      const out = absolutePath(build.output, workdirs.before(node));
      // A `COPY --from` source is relative to the root of that stage, not to its WORKDIR.
      if (out === null || out !== absolutePath(source, '/')) continue;
      const cgoOff = build.cgoDisabled || variableBefore(node, ['CGO_ENABLED'])?.value === '0';
      if (cgoOff) return { ok: true, artifact: installed };
      return {
        ok: false,
        reason: 'the Go build does not set CGO_ENABLED=0, so the binary may need glibc',
      };
    }
  }
  return {
    ok: false,
    reason:
      'the copied file is not built statically by a visible command (CGO_ENABLED=0 go build -o …)',
  };
}
