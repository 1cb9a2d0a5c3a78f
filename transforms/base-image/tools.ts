/**
 * What a stage (and the stages built FROM it) visibly uses that the smaller image lacks: commands
 * such as git or gcc, native builds behind `pip install` and `npm ci`. Each need is named with the
 * Debian packages that provide it, unless the stage installs them itself. A requirements file is
 * read from the build context under the name pip is given (the usual `COPY requirements.txt .`).
 */
import type { BuildContext } from '../../src/core/context.js';
import type { DockerfileModel, InstructionNode, Stage } from '../../src/core/model.js';
import { aptInstalled } from '../../src/packages/installs.js';
import { npmInstalls } from '../../src/packages/builds.js';
import { PIP_OPTIONS_WITH_VALUE, pythonCommands } from '../../src/packages/pip.js';
import { commandsOf } from '../../src/shell/query.js';
import type { ShellResult } from '../../src/shell/script.js';
import toolsets from './slim-tools.json' with { type: 'json' };

interface Toolset {
  commands: Record<string, string[] | null>;
  nodeGyp?: string[];
  pipNative?: Record<string, string[]>;
}

export interface Needs {
  /** Debian packages to add, in a stable order. */
  packages: string[];
  /** Why each is needed (`git (runs git)`). */
  reasons: string[];
  /** Uses that no package can provide on the smaller image (`javac`): refuse. */
  blockers: string[];
  /** What could not be checked (a requirements file without a build context…). */
  caveats: string[];
  /** Index of the first instruction that needs a package. */
  firstNeed: number;
}

export function toolNeeds(
  model: DockerfileModel,
  family: Stage[],
  toolsetName: string,
  shell: (n: InstructionNode) => ShellResult,
  context: BuildContext | null,
): Needs {
  const needs: Needs = {
    packages: [],
    reasons: [],
    blockers: [],
    caveats: [],
    firstNeed: Infinity,
  };
  const toolset = (toolsets as unknown as Record<string, Toolset>)[toolsetName];
  // `none`: the variants differ in documentation and locales only.
  if (!toolset || toolsetName === 'none') return needs;
  const installed = aptInstalled(family, shell);
  const want = (packages: string[], why: string, at: InstructionNode) => {
    const missing = packages.filter((p) => {
      const from = installed.get(p);
      return from === undefined || from > at.index;
    });
    if (missing.length === 0) return;
    needs.firstNeed = Math.min(needs.firstNeed, at.index);
    for (const p of missing) if (!needs.packages.includes(p)) needs.packages.push(p);
    needs.reasons.push(`${missing.join(' ')} (${why})`);
  };

  for (const stage of family)
    for (const node of stage.instructions) {
      if (node.keyword !== 'RUN') continue;
      const { script, reason } = shell(node);
      if (!script) {
        const first = (model.text.slice(node.start, node.end).split('\n')[0] ?? '').slice(0, 40);
        needs.blockers.push(`what a RUN uses cannot be checked (${reason}: ${first})`);
        continue;
      }
      for (const cmd of commandsOf(script)) {
        if (cmd.name === null) continue;
        const name = cmd.name.split('/').pop()!;
        if (!(name in toolset.commands)) continue;
        const packages = toolset.commands[name];
        if (packages === null)
          needs.blockers.push(`the stage runs \`${name}\`, which the smaller image lacks`);
        else want(packages, `runs ${name}`, node);
      }
      if (toolset.pipNative) pipNeeds(script, toolset.pipNative, node, context, want, needs);
      if (toolset.nodeGyp && npmInstalls(script).length > 0) {
        const lock = context?.readText('package-lock.json') ?? null;
        if (lock === null)
          needs.caveats.push(
            'npm dependencies with native builds could not be checked (no package-lock.json in a known build context)',
          );
        else if (/"hasInstallScript":\s*true/.test(lock))
          want(toolset.nodeGyp, 'npm dependencies run install scripts (node-gyp)', node);
      }
    }
  return needs;
}

function pipNeeds(
  script: NonNullable<ShellResult['script']>,
  native: Record<string, string[]>,
  node: InstructionNode,
  context: BuildContext | null,
  want: (packages: string[], why: string, at: InstructionNode) => void,
  needs: Needs,
): void {
  for (const pip of pythonCommands(script)) {
    if (pip.tool !== 'pip' || pip.subcommand !== 'install') continue;
    const names: string[] = [];
    const args = pip.args.filter((w) => w !== pip.sub);
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      if (v === '-r' || v === '--requirement') {
        const file = args[i + 1]?.value ?? null;
        const text = file && context ? context.readText(file) : null;
        if (text === null)
          needs.caveats.push(
            `packages in ${file ?? 'a requirements file'} could not be checked for native builds (file not visible)`,
          );
        else names.push(...requirementNames(text));
        i++;
      } else if (v !== null && PIP_OPTIONS_WITH_VALUE.has(v)) {
        i++;
      } else if (v && !v.startsWith('-')) {
        names.push(v.split(/[<>=!~[;]/)[0].toLowerCase());
      }
    }
    for (const name of names)
      if (native[name]) want(native[name], `pip builds ${name} from source`, node);
  }
}

function requirementNames(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l && !l.startsWith('-'))
    .map((l) => l.split(/[<>=!~[;\s]/)[0].toLowerCase());
}
