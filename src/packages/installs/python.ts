/**
 * Python installs: `pip install -r` (requirement and constraint files, with their own `-r`/`-c`
 * includes), Poetry, uv, PDM and Pipenv. Installing the project itself (`pip install .`, `-e .`,
 * `poetry install` without `--no-root`, `uv sync` without `--no-install-project`) needs the source
 * and is refused.
 */
import { PIP_OPTIONS_WITH_VALUE } from '../pip.js';
import type { SimpleCommand, Word } from '../../shell/query.js';
import {
  hasAny,
  looksLikePath,
  parseArgs,
  refuse,
  valueOf,
  type Classified,
  type InstallInput,
  type Inspection,
  type ProjectFiles,
} from './types.js';

/** pip's options that take a value, and those `uv pip` adds. */
const PIP_WITH_VALUE = new Set([
  ...PIP_OPTIONS_WITH_VALUE,
  '-p',
  '--index-strategy',
  '--index',
  '--default-index',
]);
const POETRY_WITH_VALUE = new Set([
  '--only',
  '--with',
  '--without',
  '-E',
  '--extras',
  '--directory',
  '-C',
  '-P',
  '--project',
]);
const UV_WITH_VALUE = new Set([
  '--extra',
  '--group',
  '--only-group',
  '--no-group',
  '--directory',
  '--project',
  '--python',
  '-p',
  '--index',
  '--default-index',
  '--index-url',
  '--extra-index-url',
  '--package',
  '--no-install-package',
  '--cache-dir',
  '--config-file',
]);
const PDM_WITH_VALUE = new Set(['-G', '--group', '-p', '--project', '-L', '--lockfile']);
const PIPENV_WITH_VALUE = new Set(['--categories', '--python', '--pypi-mirror']);

/** Path dependencies in pyproject.toml / Pipfile (`{ path = "../lib" }`), conservatively. */
const PATH_DEPENDENCY = /\bpath\s*=/;

export function classifyPython(cmd: SimpleCommand): Classified | null {
  const name = cmd.name ?? '';
  if (/^pip(\d(\.\d+)?)?$/.test(name)) return pip(cmd, cmd.args);
  if (/^python(\d(\.\d+)?)?$/.test(name)) {
    if (cmd.args[0]?.value === '-m' && /^pip\d?$/.test(cmd.args[1]?.value ?? ''))
      return pip(cmd, cmd.args.slice(2));
    if (cmd.args[0]?.value === '-m' && cmd.args[1]?.value === 'venv') return null;
    return null;
  }
  switch (name) {
    case 'uv':
      if (cmd.args[0]?.value === 'pip') return pip(cmd, cmd.args.slice(1));
      return uv(cmd);
    case 'poetry':
      return poetry(cmd);
    case 'pdm':
      return pdm(cmd);
    case 'pipenv':
      return pipenv(cmd);
    case 'pipx':
      return { kind: 'setup' };
    default:
      return null;
  }
}

function pip(cmd: SimpleCommand, words: readonly Word[]): Classified {
  const args = parseArgs(words, PIP_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub === 'config' || sub === 'cache') return { kind: 'setup' };
  if (sub !== 'install') return { kind: 'other' };
  if (hasAny(args, '-e', '--editable'))
    return refuse('`pip install -e` installs from the source tree');
  const packages = args.positionals.slice(1);
  const local = packages.find((p) => p.value !== null && looksLikePath(p.value));
  if (local) return refuse(`\`pip install ${local.text}\` installs from the source tree`);
  const findLinks = valueOf(args, '-f', '--find-links');
  if (findLinks && !/^https?:\/\//.test(findLinks))
    return refuse(`\`--find-links ${findLinks}\` reads packages from a local folder`);
  const requirements = [
    ...(args.options.get('-r') ?? []),
    ...(args.options.get('--requirement') ?? []),
  ];
  const constraints = [
    ...(args.options.get('-c') ?? []),
    ...(args.options.get('--constraint') ?? []),
  ];
  const files = [...requirements, ...constraints];
  if (files.length === 0) return args.dynamic ? { kind: 'other' } : { kind: 'setup' };
  if (args.dynamic || files.some((f) => f === null || f === '-'))
    return refuse('`pip install` has arguments that expand at build time');
  if (files.some((f) => /^https?:\/\//.test(f!))) return { kind: 'other' };
  const outputs = [
    valueOf(args, '-t', '--target'),
    valueOf(args, '--prefix'),
    valueOf(args, '--root'),
  ].filter((p): p is string => p !== null && !p.startsWith('/'));
  return {
    kind: 'install',
    install: {
      tool: cmd.name === 'uv' ? 'uv pip' : 'pip',
      cmd,
      project: '',
      inputs: files.map((path) => ({ path: path!, required: true })),
      outputs,
      inspect: (project) => requirementIncludes(project, files as string[]),
    },
  };
}

/**
 * Requirement files name others (`-r base.txt`, `-c constraints.txt`, relative to the file that
 * names them) and may install from the source tree (`-e .`, `./lib`, `file:`): follow the first,
 * refuse the second.
 */
function requirementIncludes(project: ProjectFiles, roots: string[]): Inspection {
  const seen = new Set(roots);
  const queue = [...roots];
  const inputs: InstallInput[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const text = project.readText(file);
    if (text === null) continue; // checked as a required input
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line) continue;
      const include = /^(-r|--requirement|-c|--constraint)(\s+|=)(\S+)$/.exec(line);
      if (include) {
        const path = include[3].startsWith('/') ? include[3] : dir + include[3];
        if (/^https?:\/\//.test(include[3])) continue;
        if (!seen.has(path)) {
          seen.add(path);
          queue.push(path);
          inputs.push({ path, required: true });
        }
        continue;
      }
      if (/^(-e|--editable)\b/.test(line))
        return { ok: false, reason: `${file} installs from the source tree (\`${line}\`)` };
      if (/^(-f|--find-links)(\s+|=)(?!https?:)/.test(line))
        return { ok: false, reason: `${file} reads packages from a local folder (\`${line}\`)` };
      if (line.startsWith('-')) continue;
      const spec = line.includes('@') ? line.slice(line.indexOf('@') + 1).trim() : line;
      if (looksLikePath(spec.split(/[;\s]/)[0]) || /^file:/.test(spec))
        return { ok: false, reason: `${file} installs from the source tree (\`${line}\`)` };
    }
  }
  return { ok: true, inputs };
}

function poetry(cmd: SimpleCommand): Classified {
  const args = parseArgs(cmd.args, POETRY_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub === 'config')
    return hasAny(args, '--local')
      ? refuse('`poetry config --local` writes poetry.toml')
      : { kind: 'setup' };
  if (sub === 'self') return { kind: 'setup' };
  if (sub !== 'install' && sub !== 'sync') return { kind: 'other' };
  if (!hasAny(args, '--no-root') || hasAny(args, '--only-root'))
    return refuse(
      `\`poetry ${sub}\` without --no-root installs the project itself, which needs the source`,
    );
  return pyprojectInstall(
    cmd,
    'poetry',
    valueOf(args, '--directory', '-C', '-P', '--project') ?? '',
    [
      { path: 'poetry.lock', required: false },
      { path: 'poetry.toml', required: false },
    ],
  );
}

function uv(cmd: SimpleCommand): Classified {
  const args = parseArgs(cmd.args, UV_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub === 'venv' || sub === 'tool' || sub === 'python' || sub === 'cache')
    return sub === 'venv' ? { kind: 'other' } : { kind: 'setup' };
  if (sub !== 'sync') return { kind: 'other' };
  if (!hasAny(args, '--no-install-project', '--only-deps'))
    return refuse(
      '`uv sync` without --no-install-project installs the project itself, which needs the source',
    );
  if (hasAny(args, '--package', '--all-packages'))
    return refuse('a uv workspace needs every member');
  return pyprojectInstall(cmd, 'uv', valueOf(args, '--directory', '--project') ?? '', [
    { path: 'uv.lock', required: false },
    { path: 'uv.toml', required: false },
    { path: '.python-version', required: false },
  ]);
}

function pdm(cmd: SimpleCommand): Classified {
  const args = parseArgs(cmd.args, PDM_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub === 'config') return { kind: 'setup' };
  if (sub !== 'install' && sub !== 'sync') return { kind: 'other' };
  if (!hasAny(args, '--no-self'))
    return refuse(
      `\`pdm ${sub}\` without --no-self installs the project itself, which needs the source`,
    );
  return pyprojectInstall(
    cmd,
    'pdm',
    valueOf(args, '-p', '--project') ?? '',
    [
      { path: 'pdm.lock', required: false },
      { path: 'pdm.toml', required: false },
    ],
    ['.venv', '__pypackages__'],
  );
}

function pipenv(cmd: SimpleCommand): Classified {
  const args = parseArgs(cmd.args, PIPENV_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub !== 'install' && sub !== 'sync') return { kind: 'other' };
  if (args.positionals.length > 1 || args.dynamic)
    return refuse('`pipenv install <package>` changes the Pipfile');
  return {
    kind: 'install',
    install: {
      tool: 'pipenv',
      cmd,
      project: '',
      inputs: [
        { path: 'Pipfile', required: true },
        { path: 'Pipfile.lock', required: false },
      ],
      outputs: ['.venv'],
      inspect: (files) =>
        PATH_DEPENDENCY.test(files.readText('Pipfile') ?? '')
          ? { ok: false, reason: 'the Pipfile has a path dependency' }
          : { ok: true, inputs: [] },
    },
  };
}

function pyprojectInstall(
  cmd: SimpleCommand,
  tool: string,
  project: string,
  inputs: InstallInput[],
  outputs = ['.venv'],
): Classified {
  return {
    kind: 'install',
    install: {
      tool,
      cmd,
      project,
      inputs: [{ path: 'pyproject.toml', required: true }, ...inputs],
      outputs,
      inspect(files) {
        const text = files.readText('pyproject.toml') ?? '';
        if (/^\s*\[tool\.uv\.workspace\]/m.test(text))
          return { ok: false, reason: 'pyproject.toml declares a uv workspace' };
        if (PATH_DEPENDENCY.test(text))
          return { ok: false, reason: 'pyproject.toml has a path dependency (`path = ...`)' };
        return { ok: true, inputs: [] };
      },
    },
  };
}
