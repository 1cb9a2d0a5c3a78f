/**
 * Go modules: `go mod download` reads go.mod and go.sum only. A `go build` (or install, test, vet,
 * run) after the source is copied downloads the modules itself, so `go mod download` is run first.
 */
import type { SimpleCommand } from '../../shell/query.js';
import {
  parseArgs,
  valueOf,
  type Classified,
  type Inspection,
  type ProjectFiles,
} from './types.js';

const BUILDS = new Set(['build', 'install', 'test', 'vet', 'run', 'list', 'generate']);
/** Settings that change where or how modules are downloaded: carried to the inserted download. */
const GO_DOWNLOAD_ENV =
  /^(GOFLAGS|GOPROXY|GOPRIVATE|GONOPROXY|GONOSUMDB|GONOSUMCHECK|GOSUMDB|GOINSECURE|GOMODCACHE|GOPATH|GOTOOLCHAIN|GOAUTH)=/;

export function classifyGo(
  cmd: SimpleCommand,
  prefixText: (cmd: SimpleCommand) => string[],
): Classified | null {
  if (cmd.name !== 'go') return null;
  const args = parseArgs(
    cmd.args,
    new Set(['-C', '-o', '-tags', '-ldflags', '-gcflags', '-mod', '-p']),
  );
  const sub = args.positionals[0]?.value;
  if (sub === 'env' || sub === 'version') return { kind: 'setup' };
  if (sub === 'mod' && args.positionals[1]?.value === 'download') {
    return {
      kind: 'install',
      install: {
        tool: 'go',
        cmd,
        project: '',
        inputs: goInputs(),
        outputs: [],
        inspect: inspectGoMod,
      },
    };
  }
  if (!sub || !BUILDS.has(sub)) return { kind: 'other' };
  const env = prefixText(cmd).filter((a) => GO_DOWNLOAD_ENV.test(a));
  // Vendored builds download nothing.
  if (valueOf(args, '-mod') === 'vendor' || env.some((a) => a.includes('mod=vendor')))
    return { kind: 'other' };
  return {
    kind: 'install',
    install: {
      tool: 'go',
      cmd,
      project: valueOf(args, '-C') ?? '',
      inputs: goInputs(),
      outputs: [],
      fetch: [...env, 'go mod download'].join(' '),
      inspect: inspectGoMod,
    },
  };
}

function goInputs() {
  return [
    { path: 'go.mod', required: true },
    { path: 'go.sum', required: false },
  ];
}

function inspectGoMod(files: ProjectFiles): Inspection {
  const mod = files.readText('go.mod') ?? '';
  if (files.copied('go.work'))
    return { ok: false, reason: 'go.work: a Go workspace needs every module' };
  if (files.copied('vendor/modules.txt'))
    return { ok: false, reason: 'the modules are vendored (vendor/): nothing to download' };
  if (/=>\s*\.{0,2}\//.test(mod))
    return { ok: false, reason: 'go.mod replaces a module with a local directory' };
  if (!/^\s*require\b/m.test(mod))
    return { ok: false, reason: 'go.mod requires no module: there is nothing to download' };
  if (!files.copied('go.sum'))
    return { ok: false, reason: 'go.mod requires modules but there is no go.sum' };
  return { ok: true, inputs: [] };
}
