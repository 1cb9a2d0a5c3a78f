/**
 * A build context shared by very many Dockerfiles: the dockerignore transform refuses instead of
 * reading every other Dockerfile for each one (quadratic work on a fleet checkout).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialize, optimizeSync } from '../src/api.js';
import { fsBuildContext } from '../src/fs/build-context.js';

const DOCKERFILE = 'FROM node:20\nCOPY . /app\nRUN cd /app && npm ci\n';
let dir: string;
beforeAll(() => initialize());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-scale-'));
  // A Node project: the proposed file keeps its node_modules and logs out.
  writeFileSync(join(dir, 'package.json'), '{ "name": "app" }\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function dockerignoreFindings(count: number) {
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `svc${i}.Dockerfile`), DOCKERFILE);
  const path = join(dir, 'svc0.Dockerfile');
  const result = optimizeSync(DOCKERFILE, {
    only: ['dockerignore'],
    filename: path,
    buildContext: fsBuildContext(dir, path),
  });
  return { result, messages: result.findings.map((f) => f.message) };
}

test('64 Dockerfiles in one context are all read, and a .dockerignore is proposed', () => {
  const { result } = dockerignoreFindings(64);
  expect(result.files.map((f) => f.path)).toEqual(['.dockerignore']);
});

test('65 Dockerfiles in one context: refused, and said why', () => {
  const { result, messages } = dockerignoreFindings(65);
  expect(result.files).toEqual([]);
  expect(messages).toEqual([
    '.dockerignore not proposed: 65 Dockerfiles share this build context (more than 64); not all checked',
  ]);
});
