/**
 * When keeping /var/lib/apt/lists out of a RUN's layer is safe (removing them at the end of the
 * RUN, or mounting a cache over them): nothing after it, in this stage or in a stage built FROM
 * it, installs packages without running its own `apt-get update` first.
 */
import type { DockerfileModel, InstructionNode, Stage } from '../core/model.js';
import { descendantsOf, lineageOf } from '../core/stages.js';
import { DOCKER_CLEAN, touchesDockerClean, updatesBeforeUse } from './apt.js';
import type { ShellResult } from '../shell/script.js';

const APT_USE_TEXT = /\bapt(-get)?\b[^\n]*\b(install|upgrade|dist-upgrade|source|build-dep)\b/;

/** The first later instruction that would need the lists this RUN deletes, or null. */
export function laterListUser(
  model: DockerfileModel,
  node: InstructionNode,
  shellOf: (n: InstructionNode) => ShellResult,
): InstructionNode | null {
  const stage = node.stage;
  if (!stage) return null;
  const later = [
    ...stage.instructions.filter((i) => i.index > node.index),
    ...descendantsOf(model, stage).flatMap((s) => s.instructions),
  ];
  for (const candidate of later) {
    if (candidate.keyword === 'ONBUILD') {
      if (APT_USE_TEXT.test(model.text.slice(candidate.start, candidate.end))) return candidate;
      continue;
    }
    if (candidate.keyword !== 'RUN') continue;
    const { script } = shellOf(candidate);
    if (!script) {
      // Not shell-parsed (exec form, heredoc): judge by its text, conservatively.
      if (APT_USE_TEXT.test(model.text.slice(candidate.start, candidate.end))) return candidate;
      continue;
    }
    const { users, served } = updatesBeforeUse(script);
    if (users.length > 0 && !served) return candidate;
  }
  return null;
}

/**
 * A RUN of the stage, or of a stage it is built on, removes, moves or edits the docker-clean apt
 * config (so apt keeps downloaded .deb files from there on).
 */
export function lineageTouchesDockerClean(
  model: DockerfileModel,
  stage: Stage,
  shellOf: (n: InstructionNode) => ShellResult,
): boolean {
  return lineageOf(stage).some((s) =>
    s.instructions.some((n) => {
      if (n.keyword !== 'RUN') return false;
      const { script } = shellOf(n);
      if (!script) return model.text.slice(n.start, n.end).includes(DOCKER_CLEAN);
      return touchesDockerClean(script);
    }),
  );
}
