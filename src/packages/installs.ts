/**
 * What the stages of a Dockerfile install with apt, and which stages build on which: shared by the
 * transforms that change base images or split stages.
 */
import type { DockerfileModel, InstructionNode, Stage } from '../core/model.js';
import { descendantsOf } from '../core/stages.js';
import { aptCommands, packageName } from './apt.js';
import type { ShellResult } from '../shell/script.js';

/** The stage and every stage built FROM it, directly or through others. */
export function stageFamily(model: DockerfileModel, stage: Stage): Stage[] {
  return [stage, ...descendantsOf(model, stage)];
}

/** Packages the stage family installs with apt, with the first RUN that does. */
export function aptInstalled(
  family: Stage[],
  shell: (n: InstructionNode) => ShellResult,
): Map<string, number> {
  const installed = new Map<string, number>();
  for (const stage of family)
    for (const node of stage.instructions) {
      if (node.keyword !== 'RUN') continue;
      const { script } = shell(node);
      if (!script) continue;
      for (const apt of aptCommands(script)) {
        if (apt.subcommand !== 'install') continue;
        for (const w of apt.packages) {
          const name = packageName(w.value);
          if (name && !installed.has(name)) installed.set(name, node.index);
        }
      }
    }
  return installed;
}
