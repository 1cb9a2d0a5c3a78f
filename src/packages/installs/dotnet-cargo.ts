/**
 * .NET and Cargo.
 *
 * `dotnet restore` reads the project files (and NuGet.config, Directory.*.props, global.json);
 * `dotnet build/publish/test` restore by themselves, so `dotnet restore` is run first. A project
 * that references another project outside what is copied, or imports other build files, is
 * refused.
 *
 * Cargo has no download-only step that works without the source (`cargo fetch` needs a target
 * to parse the manifest): the dependencies are pre-built against a stub `src/main.rs`, and the
 * real main.rs is touched before the real build so cargo does not take the stub's output for it.
 * That rests on cargo's file-time heuristics: never provably equal, so only the unsafe transform
 * does it.
 */
import type { SimpleCommand } from '../../shell/query.js';
import {
  parseArgs,
  refuse,
  type Classified,
  type InstallInput,
  type Inspection,
  type ProjectFiles,
} from './types.js';

const DOTNET_WITH_VALUE = new Set([
  '-c',
  '--configuration',
  '-o',
  '--output',
  '-r',
  '--runtime',
  '-f',
  '--framework',
  '-s',
  '--source',
  '--configfile',
  '--packages',
  '-a',
  '--arch',
  '--os',
  '-v',
  '--verbosity',
  '-p',
  '--property',
  '--version-suffix',
  '--logger',
  '-l',
]);
/** Options of build/publish/test that decide what restore resolves. */
const DOTNET_RESTORE_OPTIONS = new Set([
  '-r',
  '--runtime',
  '-s',
  '--source',
  '--configfile',
  '--packages',
  '-a',
  '--arch',
  '--os',
  '-p',
  '--property',
  '--ucr',
  '--use-current-runtime',
  '--disable-parallel',
  '--no-cache',
  '--locked-mode',
]);
const DOTNET_BUILDS = new Set(['build', 'publish', 'test', 'pack', 'run']);
const PROJECT_FILE = /\.(csproj|fsproj|vbproj)$/;
const DOTNET_SHARED_FILES = [
  'NuGet.config',
  'nuget.config',
  'NuGet.Config',
  'Directory.Build.props',
  'Directory.Build.targets',
  'Directory.Packages.props',
  'global.json',
];

export function classifyDotnetCargo(cmd: SimpleCommand): Classified | null {
  if (cmd.name === 'dotnet') return dotnet(cmd);
  if (cmd.name === 'cargo') return cargo(cmd);
  return null;
}

function dotnet(cmd: SimpleCommand): Classified {
  const sub = cmd.args[0]?.value;
  if (sub === 'tool' || sub === 'nuget' || sub === 'dev-certs' || sub === '--info')
    return { kind: 'setup' };
  if (sub !== 'restore' && !DOTNET_BUILDS.has(sub ?? '')) return { kind: 'other' };
  const words = cmd.args.slice(1);
  // MSBuild properties may be written `/p:Name=Value`: an option, not a project path.
  const isProperty = (v: string) => /^[-/](p|property):/i.test(v);
  const args = parseArgs(
    words.filter((w) => !isProperty(w.value ?? '')),
    DOTNET_WITH_VALUE,
  );
  if (args.dynamic) return refuse('the dotnet command has arguments that expand at build time');
  if (sub !== 'restore' && args.options.has('--no-restore')) return { kind: 'other' };
  if (args.positionals.length > 1) return refuse('dotnet is given more than one project');
  const named = args.positionals[0]?.value ?? null;
  let project = '';
  let file: string | null = null;
  if (named !== null) {
    if (PROJECT_FILE.test(named) || named.endsWith('.sln')) {
      project = named.includes('/') ? named.slice(0, named.lastIndexOf('/')) : '';
      file = named.slice(named.lastIndexOf('/') + 1);
    } else project = named.replace(/\/+$/, '');
  }
  const carried: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value!;
    if (isProperty(value)) carried.push(words[i].text);
    else if (DOTNET_RESTORE_OPTIONS.has(value.replace(/=.*$/, ''))) {
      carried.push(words[i].text);
      if (!value.includes('=') && DOTNET_WITH_VALUE.has(value) && words[i + 1])
        carried.push(words[++i].text);
    }
  }
  const inputs: InstallInput[] = [
    { path: file ?? '*.csproj', required: true },
    ...DOTNET_SHARED_FILES.map((path) => ({ path, required: false })),
  ];
  return {
    kind: 'install',
    install: {
      tool: 'dotnet',
      cmd,
      project,
      inputs,
      outputs: ['obj', 'bin'],
      fetch:
        sub === 'restore'
          ? undefined
          : ['dotnet restore', ...(named ? [args.positionals[0].text] : []), ...carried].join(' '),
      inspect: (files) => inspectDotnet(files, file),
    },
  };
}

function inspectDotnet(files: ProjectFiles, named: string | null): Inspection {
  let entry = named;
  if (entry === null) {
    const candidates = files.list('').filter((f) => PROJECT_FILE.test(f) || f.endsWith('.sln'));
    if (candidates.length !== 1)
      return {
        ok: false,
        reason: candidates.length
          ? `dotnet would have to choose between ${candidates.join(', ')}`
          : 'no project file beside the command',
      };
    entry = candidates[0];
  }
  const projects: string[] = [];
  if (entry.endsWith('.sln')) {
    const sln = files.readText(entry) ?? '';
    for (const match of sln.matchAll(/^Project\("[^"]*"\)\s*=\s*"[^"]*",\s*"([^"]+)"/gm)) {
      const path = match[1].replace(/\\/g, '/');
      if (PROJECT_FILE.test(path)) projects.push(path);
    }
  } else projects.push(entry);
  const inputs: InstallInput[] = [{ path: entry, required: true }];
  const outputs: string[] = [];
  for (const project of projects) {
    const dir = project.includes('/') ? project.slice(0, project.lastIndexOf('/') + 1) : '';
    const text = files.readText(project);
    if (text === null) return { ok: false, reason: `${project} is not in the build context` };
    for (const match of text.matchAll(/<ProjectReference\s+Include="([^"]+)"/g)) {
      const ref = normalize(dir + match[1].replace(/\\/g, '/'));
      if (!projects.some((p) => normalize(p) === ref))
        return { ok: false, reason: `${project} references ${match[1]}, another project` };
    }
    if (/<Import\s+Project="(?!\$\(MSBuild)/.test(text))
      return { ok: false, reason: `${project} imports another build file` };
    inputs.push(
      { path: project, required: true },
      { path: `${dir}packages.lock.json`, required: false },
    );
    outputs.push(`${dir}obj`, `${dir}bin`);
  }
  return { ok: true, inputs, outputs };
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function cargo(cmd: SimpleCommand): Classified {
  const sub = cmd.args[0]?.value;
  if (sub === 'install' && cmd.args.some((a) => a.value === '--path'))
    return refuse('`cargo install --path` builds the source');
  if (sub === 'install' || sub === 'search') return { kind: 'setup' };
  if (sub !== 'build') return { kind: 'other' };
  const rest = cmd.args.slice(1);
  if (rest.some((w) => w.value === null))
    return refuse('the cargo command has arguments that expand at build time');
  if (
    rest.some((w) =>
      ['-p', '--package', '--workspace', '--bin', '--manifest-path'].includes(
        w.value!.replace(/=.*$/, ''),
      ),
    )
  )
    return refuse('cargo builds a chosen package or binary');
  const build = ['cargo build', ...rest.map((w) => w.text)].join(' ');
  return {
    kind: 'install',
    install: {
      tool: 'cargo',
      cmd,
      project: '',
      inputs: [
        { path: 'Cargo.toml', required: true },
        { path: 'Cargo.lock', required: false },
        { path: 'rust-toolchain.toml', required: false },
        { path: 'rust-toolchain', required: false },
        { path: '.cargo', required: false, dir: true },
      ],
      outputs: ['target'],
      fetch: `mkdir -p src && echo 'fn main() {}' > src/main.rs && ${build}`,
      beforeBuild: 'touch src/main.rs',
      unsafe:
        'the dependencies are pre-built against a stub src/main.rs; cargo decides from file times whether to rebuild, which dockopt cannot prove',
      inspect(files) {
        const manifest = files.readText('Cargo.toml') ?? '';
        if (/^\s*\[workspace\]/m.test(manifest)) return { ok: false, reason: 'a Cargo workspace' };
        if (/^\s*\[\[bin\]\]|^\s*\[lib\]/m.test(manifest))
          return { ok: false, reason: 'Cargo.toml declares its own targets' };
        if (/\bpath\s*=/.test(manifest))
          return { ok: false, reason: 'Cargo.toml has a path dependency' };
        if (files.copied('build.rs') || /^\s*build\s*=/m.test(manifest))
          return { ok: false, reason: 'a build script (build.rs) runs with the dependencies' };
        if (!files.copied('src/main.rs') || files.copied('src/lib.rs'))
          return { ok: false, reason: 'the stub only stands in for a single src/main.rs' };
        return { ok: true, inputs: [] };
      },
    },
  };
}
