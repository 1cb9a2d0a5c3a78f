/**
 * The package-manager analysis in src/shell (apk, yum/dnf, zypper, pip & co, npm & co, gem,
 * conda), cache mounts and ENV lookups, on small Dockerfiles. The transforms built on them are
 * covered by their fixtures; these tests pin down what the shared helpers answer.
 */
import { initialize } from '../src/api.js';
import { variableBefore } from '../src/core/env.js';
import { parseDockerfile, type InstructionNode } from '../src/core/model.js';
import {
  apkCommands,
  apkKnowsNoCache,
  hasApkCacheMount,
  usesNoCache,
} from '../src/packages/apk.js';
import { condaCommands } from '../src/packages/conda.js';
import {
  removedAfter,
  runsConditionally,
  sameUserPrefix,
  scriptSetsVariable,
} from '../src/packages/hygiene.js';
import { isHomeDirMountedAway, isMountedAway, runMounts } from '../src/packages/mounts.js';
import { nodeCommands } from '../src/packages/node.js';
import { pipDecidesCache, pythonCommands } from '../src/packages/pip.js';
import { rpmAssumesYes, rpmCommands } from '../src/packages/rpm.js';
import { decidesDocs, rubyCommands } from '../src/packages/ruby.js';
import { parseRunShell } from '../src/core/run/shell.js';
import type { ShellScript } from '../src/shell/script.js';
import { zypperCommands, zypperNonInteractive } from '../src/packages/zypper.js';

beforeAll(() => initialize());

function lastRun(text: string): { node: InstructionNode; script: ShellScript } {
  const model = parseDockerfile(text);
  const node = model.instructions.filter((i) => i.keyword === 'RUN').pop()!;
  const { script } = parseRunShell(model, node);
  if (!script) throw new Error('RUN not parsed');
  return { node, script };
}

const run = (body: string) => lastRun(`FROM alpine\nRUN ${body}\n`).script;

test('apk: subcommand after global options, packages, --no-cache anywhere', () => {
  const [a, b] = apkCommands(
    run('apk --repository http://x add -t .deps gcc make && apk --no-cache upgrade'),
  );
  expect(a.subcommand).toBe('add');
  expect(a.packages.map((w) => w.value)).toEqual(['gcc', 'make']);
  expect(usesNoCache(a)).toBe(false);
  expect(b.subcommand).toBe('upgrade');
  expect(usesNoCache(b)).toBe(true);
});

test('yum/dnf/microdnf: tool, subcommand, -y in clusters and setopt', () => {
  const cmds = rpmCommands(
    run(
      'yum -q --enablerepo epel install -qy a && dnf --setopt=assumeyes=1 upgrade && microdnf install b',
    ),
  );
  expect(cmds.map((c) => [c.tool, c.subcommand])).toEqual([
    ['yum', 'install'],
    ['dnf', 'upgrade'],
    ['microdnf', 'install'],
  ]);
  expect(cmds.map(rpmAssumesYes)).toEqual([true, true, false]);
});

test('zypper: aliases resolved, global -n and command -y both count', () => {
  const cmds = zypperCommands(run('zypper -n in a && zypper rm -y b && zypper --root /r up'));
  expect(cmds.map((c) => c.subcommand)).toEqual(['install', 'remove', 'update']);
  expect(cmds.map(zypperNonInteractive)).toEqual([true, true, false]);
});

test('pip: every spelling of pip, and python -m pip with interpreter options', () => {
  const cmds = pythonCommands(
    run(
      'pip install a && pip3.11 install b && /opt/venv/bin/pip install c && python3 -u -m pip install --no-cache-dir d && python -c "import pip" && pipenv install && poetry install && uv pip install e && uv sync',
    ),
  );
  expect(cmds.map((c) => [c.tool, c.via, c.subcommand])).toEqual([
    ['pip', 'direct', 'install'],
    ['pip', 'direct', 'install'],
    ['pip', 'direct', 'install'],
    ['pip', 'python -m', 'install'],
    ['pipenv', 'direct', 'install'],
    ['poetry', 'direct', 'install'],
    ['uv', 'direct', 'pip install'],
    ['uv', 'direct', 'sync'],
  ]);
  expect(cmds.filter((c) => c.tool === 'pip').map(pipDecidesCache)).toEqual([
    false,
    false,
    false,
    true,
  ]);
});

test('npm/yarn/pnpm: aliases, a bare yarn is an install', () => {
  const cmds = nodeCommands(
    run('npm i && npm --prefix /app ci && yarn && yarn global add x && pnpm store prune'),
  );
  expect(cmds.map((c) => [c.tool, c.subcommand])).toEqual([
    ['npm', 'install'],
    ['npm', 'ci'],
    ['yarn', 'install'],
    ['yarn', 'global'],
    ['pnpm', 'store'],
  ]);
});

test('gem/bundle and conda subcommands', () => {
  const ruby = rubyCommands(run('gem install -N rails && bundle install --jobs 4'));
  expect(ruby.map((c) => [c.tool, c.subcommand, decidesDocs(c)])).toEqual([
    ['gem', 'install', true],
    ['bundle', 'install', false],
  ]);
  const conda = condaCommands(
    run('conda env create -f env.yml && /opt/conda/bin/conda install -y x'),
  );
  expect(conda.map((c) => c.subcommand)).toEqual(['env create', 'install']);
});

test('cache and tmpfs mounts: absolute directories, home directories, variables', () => {
  const { node } = lastRun(
    'FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk --mount=type=tmpfs,dst=/home/app/.cache --mount=type=bind,target=/src true\n',
  );
  expect(runMounts(node).map((m) => [m.type, m.target])).toEqual([
    ['cache', '/var/cache/apk'],
    ['tmpfs', '/home/app/.cache'],
    ['bind', '/src'],
  ]);
  expect(hasApkCacheMount(node)).toBe(true);
  expect(isMountedAway(node, '/var/cache/apk/x')).toBe(true);
  expect(isMountedAway(node, '/src')).toBe(false);
  expect(isHomeDirMountedAway(node, '.cache/pip')).toBe(true);
  expect(isHomeDirMountedAway(node, '.npm')).toBe(false);
  const dynamic = lastRun('FROM alpine\nRUN --mount=type=cache,target=$HOME/.npm true\n').node;
  expect(isHomeDirMountedAway(dynamic, '.npm')).toBe(true);
});

test('ENV from parent stages, ARG from the own stage only', () => {
  const model = parseDockerfile(
    'FROM python AS base\nENV PIP_NO_CACHE_DIR=1\nARG PIP_CACHE_DIR=/c\nFROM base\nRUN pip install x\nFROM python\nRUN pip install y\n',
  );
  const [, child, other] = model.instructions.filter(
    (i) => i.keyword === 'RUN' || i.keyword === 'ENV',
  );
  expect(variableBefore(child, ['PIP_NO_CACHE_DIR'])?.value).toBe('1');
  expect(variableBefore(child, ['PIP_CACHE_DIR'])).toBeNull();
  expect(variableBefore(other, ['PIP_NO_CACHE_DIR'])).toBeNull();
});

test('conditions, removals, assignments and wrappers around an install', () => {
  const script = run(
    'if [ -f p ]; then npm ci; fi && true || npm i && sudo -u app npm ci && export npm_config_cache=/c && apk del npm',
  );
  const npm = nodeCommands(script);
  expect(npm.map((c) => runsConditionally(c.cmd))).toEqual([true, true, false]);
  expect(sameUserPrefix(npm[2].cmd)).toBe('sudo -u app ');
  expect(removedAfter(script, npm[2].cmd.node.end, ['npm'])?.name).toBe('apk');
  expect(scriptSetsVariable(script, ['npm_config_cache'])).toBe('npm_config_cache');
});

describe('which Alpine releases know apk --no-cache (3.3 and later)', () => {
  test.each([
    ['alpine', true],
    ['alpine:latest', true],
    ['alpine:edge', true],
    ['alpine:3', true],
    ['alpine:3.3', true],
    ['alpine:3.19.1', true],
    ['docker.io/library/alpine:3.12', true],
    ['python:3.12-alpine3.20', true],
    ['golang:1.22-alpine3.19', true],
    ['alpine:3.2', false],
    ['alpine:2.7', false],
    ['ruby:2.2-alpine3.2', false],
    ['node:18-alpine', null],
    ['nginx:alpine', null],
    ['registry.example.com/alpine:3.18', null],
    ['${BASE}', null],
  ])('%s: %s', (image, expected) => expect(apkKnowsNoCache(image)).toBe(expected));
});
