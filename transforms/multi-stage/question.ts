/**
 * What multi-stage asks a build when reading alone cannot plan the split (`--build`): build the
 * file as it is, and, in the image, resolve the program the entry point runs (ELF or script, link
 * closure, owning packages, a JDK), read the OS release, and list what the build steps wrote (a
 * file-system diff against the stage cut before its first build step).
 */
import type { FactsQuestion } from '../../src/core/build-facts.js';
import { copySpec } from '../../src/core/stage-state.js';
import type { InstructionNode } from '../../src/core/model.js';
import {
  cargoBuilds,
  cBuilds,
  goBuilds,
  goInstalls,
  javaBuilds,
  nodeBuilds,
} from '../../src/packages/builds.js';
import type { ShellScript } from '../../src/shell/script.js';
import { entryArgv, scriptsOf, type Facts } from './facts.js';

/** The question for the final stage, or null when there is no entry point to ask about. */
export function stageQuestion(facts: Facts): FactsQuestion | null {
  const entry = entryArgv(facts.stage);
  if (!entry) return null;
  const text = facts.model.text;
  const firstBuild = scriptsOf(facts).find(({ script }) => buildsSomething(script))?.node;
  return {
    stage: facts.stage.index,
    stageText: text,
    beforeText: firstBuild ? cutBefore(text, firstBuild) : null,
    contextFiles: contextFilesOf(facts),
    entry: { argv: entry.argv },
  };
}

function buildsSomething(script: ShellScript): boolean {
  return (
    goBuilds(script).length > 0 ||
    goInstalls(script).length > 0 ||
    cargoBuilds(script).length > 0 ||
    cBuilds(script).length > 0 ||
    javaBuilds(script).length > 0 ||
    nodeBuilds(script).length > 0
  );
}

/** The file up to (not including) the line the build step starts on. */
function cutBefore(text: string, node: InstructionNode): string {
  const lineStart = text.lastIndexOf('\n', node.start - 1) + 1;
  return text.slice(0, lineStart);
}

/** What the stage copies from the build context (`.` for all of it). */
function contextFilesOf(facts: Facts): string[] {
  const files = new Set<string>();
  for (const node of facts.stage.instructions) {
    const spec = copySpec(node);
    if (!spec || spec.from !== null) continue;
    for (const source of spec.sources) {
      const clean = source.replace(/^\.\//, '').replace(/\/+$/, '');
      // A glob or a variable: the whole context stands for it (the cache key only gets safer).
      files.add(clean === '' || /[*?[$]/.test(clean) ? '.' : clean);
    }
  }
  return files.has('.') ? ['.'] : [...files].sort();
}
