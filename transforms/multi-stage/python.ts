/**
 * Python with native builds: a stage on a slim Python image that installs a compiler with apt to
 * let `pip install` build extensions. The build stage (the original) also writes wheels to
 * /wheels; the runtime stage repeats the original on the same image, except that the apt RUN
 * installs the runtime libraries instead of the build dependencies, and pip installs the wheels
 * (no compiler needed). Refused unless every -dev package has its runtime library named (by the
 * Dockerfile, or by the table for a known Debian release).
 */
import type { Edit } from '../../src/core/edits.js';
import { keywordCasedAs } from '../../src/core/layout.js';
import { parseImageReference } from '../../src/core/base-image.js';
import type { InstructionNode } from '../../src/core/model.js';
import { aptCommands, packageName } from '../../src/packages/apt.js';
import { pythonCommands } from '../../src/packages/pip.js';
import { commandsOf, topLevelChain } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';
import type { Facts, Refusal } from './facts.js';
import { debianRelease } from './runtimes.js';

const COMPILERS = new Set(['gcc', 'g++', 'build-essential', 'clang']);
/** Packages only the build needs: dropped from the runtime. */
const BUILD_ONLY =
  /^(build-essential|gcc|g\+\+|clang|make|cmake|pkg-config|pkgconf|libc6-dev|python3-dev|python3\.\d+-dev|git|curl|wget|ca-certificates|autoconf|automake|libtool)$/;
/** `pip install` options that `pip wheel` takes too (and means the same). */
const WHEEL_OPTIONS =
  /^(-r|--requirement|-c|--constraint|--no-cache-dir|--no-deps|-i|--index-url|--extra-index-url|--pre|--no-binary|--only-binary|-q|--quiet|-v|--verbose|--disable-pip-version-check)(=.*)?$/;
const WITH_VALUE = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-i',
  '--index-url',
  '--extra-index-url',
  '--no-binary',
  '--only-binary',
]);
/** Commands that would need the compiler if a later RUN ran them in the runtime stage. */
const NEEDS_TOOLCHAIN = new Set(['gcc', 'g++', 'cc', 'c++', 'make', 'cmake', 'cargo', 'rustc']);

export interface PythonSplit {
  runtimeLines: string[];
  buildEdits: Edit[];
  summary: string;
}

export type PythonPlanned = PythonSplit | Refusal | null;

export function planPython(facts: Facts): PythonPlanned {
  const runtimeLibs = facts.runtimes.runtimeLibs;
  const { stage, model, shell } = facts;
  const runs: { node: InstructionNode; script: ShellScript }[] = [];
  for (const node of stage.instructions) {
    if (node.keyword !== 'RUN') continue;
    const { script } = shell(node);
    if (script) runs.push({ node, script });
  }
  const pipRuns = runs.filter(({ script }) =>
    pythonCommands(script).some((c) => c.tool === 'pip' && c.subcommand === 'install'),
  );
  const aptRuns = runs.filter(({ script }) =>
    aptCommands(script).some(
      (a) =>
        a.subcommand === 'install' &&
        a.packages.some((w) => COMPILERS.has(packageName(w.value) ?? '')),
    ),
  );
  if (pipRuns.length === 0 || aptRuns.length === 0) return null;
  const ref = parseImageReference(facts.image);
  if (!ref || ref.registry || ref.repository !== 'python' || !/slim/.test(ref.tag ?? ''))
    return {
      refuse: `${facts.image} is not a slim Python image: the libraries a native build links against cannot all be seen`,
    };
  if (aptRuns.length > 1 || pipRuns.length > 1)
    return { refuse: 'the build dependencies or the pip installs are spread over several RUNs' };
  const apt = aptRuns[0];
  const pip = pipRuns[0];
  if (!onlyCommands(apt.script, (name) => name === 'apt-get' || name === 'apt' || name === 'rm'))
    return { refuse: 'the RUN that installs the compiler does other things too' };
  if (
    !onlyCommands(
      pip.script,
      (name) =>
        ['pip', 'pip3', 'python', 'python3'].includes(name) ||
        /^pip3\.\d+$|^python3\.\d+$/.test(name),
    )
  )
    return { refuse: 'the RUN that runs pip install does other things too' };
  const userBefore = stage.instructions
    .filter((n) => n.keyword === 'USER' && n.index < pip.node.index)
    .pop();
  const user = userBefore?.ast.getArgumentsContent()?.trim();
  if (user && !/^(root|0)(:.*)?$/.test(user))
    return { refuse: `pip runs as USER ${user}, which cannot write the wheels to /wheels` };
  for (const { node, script } of runs) {
    if (node === apt.node || node === pip.node) continue;
    const tool = commandsOf(script).find((c) => c.name && NEEDS_TOOLCHAIN.has(c.name));
    if (tool)
      return { refuse: `another RUN uses ${tool.name}, which the runtime stage would not have` };
  }

  // What the runtime installs with apt instead of the build dependencies.
  const installed = aptCommands(apt.script)
    .filter((a) => a.subcommand === 'install')
    .flatMap((a) => a.packages.map((w) => packageName(w.value)))
    .filter((p): p is string => p !== null);
  const release = debianRelease(facts.runtimes, facts.image);
  const table = release ? (runtimeLibs[release] ?? {}) : {};
  const runtime: string[] = [];
  const unnamed: string[] = [];
  for (const p of installed) {
    if (BUILD_ONLY.test(p)) continue;
    if (!p.endsWith('-dev')) runtime.push(p);
    else if (table[p]) runtime.push(table[p]);
    else unnamed.push(p);
  }
  if (unnamed.length)
    return {
      refuse: `the runtime library of ${unnamed.join(', ')} is not named${release ? '' : ` (the Debian release of ${facts.image} is not known)`}`,
    };

  // `pip install <args>` → `pip wheel --wheel-dir /wheels <args>` (build) and an install from them.
  const install = pythonCommands(pip.script).filter(
    (c) => c.tool === 'pip' && c.subcommand === 'install',
  );
  if (install.length !== 1) return { refuse: 'more than one pip install in the RUN' };
  const args = install[0].args.filter((w) => w !== install[0].sub);
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === null) return { refuse: 'pip install arguments that expand at build time' };
    if (v.startsWith('-')) {
      if (!WHEEL_OPTIONS.test(v))
        return { refuse: `pip install option ${v} has no wheel equivalent` };
      if (WITH_VALUE.has(v)) i++;
    }
  }
  const argText = args.map((w) => w.text).join(' ');
  const pipName = install[0].via === 'direct' ? install[0].cmd.nameWord!.text : 'python -m pip';
  const kw = (k: string) => keywordCasedAs(stage.from, k);
  const wheelRun =
    `${kw('RUN')} ${pipName} wheel --no-cache-dir --wheel-dir /wheels ${argText.replace(/--no-cache-dir\s*/, '')}`.trimEnd();
  const text = (n: InstructionNode) => model.text.slice(n.start, n.end);
  const lines = [`${kw('FROM')} ${facts.image}`];
  for (const node of stage.instructions) {
    if (node.keyword === 'ONBUILD')
      return { refuse: 'ONBUILD triggers would run in the runtime image too' };
    if (node === apt.node) {
      if (runtime.length)
        lines.push(
          `${kw('RUN')} apt-get update && apt-get install -y --no-install-recommends ${runtime.join(' ')} && rm -rf /var/lib/apt/lists/*`,
        );
      continue;
    }
    if (node === pip.node) {
      lines.push(`${kw('COPY')} --from=${stage.name ?? 'build'} /wheels /wheels`);
      lines.push(
        `${kw('RUN')} ${pipName} install --no-cache-dir --no-index --find-links=/wheels ${argText.replace(/--no-cache-dir\s*/, '')}`.trimEnd(),
      );
      continue;
    }
    lines.push(text(node));
  }
  return {
    runtimeLines: lines,
    buildEdits: [{ start: pip.node.end, end: pip.node.end, text: `\n${wheelRun}` }],
    summary: `wheels built in the build stage and installed on ${facts.image} without the compiler${runtime.length ? ` (runtime packages: ${runtime.join(' ')})` : ''}`,
  };
}

/** Every command of the RUN is one the predicate accepts (and nothing runs in the background). */
function onlyCommands(script: ShellScript, ok: (name: string) => boolean): boolean {
  if (topLevelChain(script).some((i) => i.op === '&')) return false;
  return commandsOf(script).every((c) => c.name !== null && ok(c.name.split('/').pop()!));
}
