/**
 * When removing /var/lib/apt/lists at the end of a RUN is safe: nothing after it, in this stage or
 * in a stage built FROM it, installs packages without running its own `apt-get update` first.
 */
import type { DockerfileModel, InstructionNode } from '../../src/core/model.js';
import { descendantsOf } from '../../src/core/stages.js';
import { updatesBeforeUse } from '../../src/shell/apt.js';
import type { ShellResult } from '../../src/shell/script.js';

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
