/**
 * Poetry's global `--no-cache` exists since Poetry 1.2 (python-poetry/poetry#5519); older versions
 * reject it. It is only added when the Dockerfile shows which Poetry the stage gets: a pinned or
 * unpinned `pip`/`pipx install poetry`, the official installer (install.python-poetry.org, which
 * installs 1.2+ unless told a version), or POETRY_VERSION.
 */
import { variableBefore } from '../../src/core/env.js';
import type { InstructionNode, Stage } from '../../src/core/model.js';
import { commandsOf } from '../../src/shell/query.js';
import type { ShellResult } from '../../src/shell/script.js';

export type PoetryVersion = { ok: true } | { ok: false; reason: string };

const MINIMUM: [number, number] = [1, 2];

export function poetrySupportsNoCache(
  node: InstructionNode,
  shellOf: (n: InstructionNode) => ShellResult,
): PoetryVersion {
  const pinned = variableBefore(node, ['POETRY_VERSION']);
  if (pinned?.value) return atLeast(pinned.value, `POETRY_VERSION=${pinned.value}`);
  const stages: Stage[] = [];
  for (let s = node.stage; s; s = s.parent) stages.push(s);
  let evidence: PoetryVersion | null = null;
  for (const stage of stages) {
    for (const run of stage.instructions) {
      if (run.keyword !== 'RUN' || (stage === node.stage && run.index >= node.index)) continue;
      const { script } = shellOf(run);
      if (!script) continue;
      for (const cmd of commandsOf(script)) {
        for (const arg of cmd.args) {
          const value = arg.value;
          if (value === null) continue;
          if (/install\.python-poetry\.org/.test(value)) evidence ??= { ok: true };
          if (/get-poetry\.py/.test(value))
            return {
              ok: false,
              reason: 'the old get-poetry.py installer installs Poetry 1.1 or older',
            };
          const spec = /^poetry(?:\[[^\]]*\])?((?:[=~<>!]=?|===).*)?$/i.exec(value);
          if (
            !spec ||
            !/^(pip\d*(\.\d+)?|pipx|python\d*(\.\d+)?)$/.test(cmd.name?.split('/').pop() ?? '')
          )
            continue;
          const constraint = spec[1] ?? '';
          if (constraint === '') evidence = { ok: true };
          else if (/^(==|>=|~=|===)/.test(constraint))
            evidence = atLeast(constraint.replace(/^[=~>]+/, ''), value);
          else evidence = { ok: false, reason: `cannot tell the Poetry version from \`${value}\`` };
        }
      }
    }
  }
  return (
    evidence ?? {
      ok: false,
      reason: 'the Dockerfile does not show which Poetry is installed (--no-cache needs 1.2+)',
    }
  );
}

function atLeast(version: string, source: string): PoetryVersion {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!match) return { ok: false, reason: `cannot tell the Poetry version from \`${source}\`` };
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1])
    ? { ok: true }
    : { ok: false, reason: `\`${source}\` is older than Poetry 1.2, which added --no-cache` };
}
