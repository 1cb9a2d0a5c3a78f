/**
 * Report formats through the real CLI: JSON (whole document), SARIF 2.1.0 (validated against the
 * official schema, shipped in the @microsoft/jest-sarif package so the test needs no network),
 * Markdown (whole document), and --output.
 */
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { dockopt, tempDir, writeFiles } from './helpers/cli.js';

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
// unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regexps accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(SARIF_SCHEMA);

const MERGEABLE = 'FROM alpine\nRUN echo a\nRUN echo b\n';
const MERGED = 'FROM alpine\nRUN echo a && \\\n    echo b\n';
const REFUSED = 'FROM alpine\nRUN cd /x\nRUN ["echo", "b"]\n';
const APT = 'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y make\n';

let dir: string;
beforeEach(() => {
  dir = tempDir('reports');
  writeFiles(dir, {
    'a/Dockerfile': MERGEABLE,
    'b/Dockerfile': REFUSED,
    'c/Dockerfile': 'import os\n',
    'd/Dockerfile': '# dockopt ignore-file\nFROM alpine\nRUN a\nRUN b\n',
    'e/Dockerfile': APT,
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('--format json: each file with findings, ranges, layers and errors, then the totals', () => {
  const run = dockopt(dir, [
    '--only',
    'collapse-run',
    '-v',
    '--format',
    'json',
    'a',
    'b',
    'c',
    'd',
  ]);
  expect(run.code).toBe(2);
  const layers = (runs: number) => ({ RUN: runs, COPY: 0, ADD: 0, total: runs });
  expect(JSON.parse(run.stdout)).toEqual({
    tool: { name: 'dockopt', version: expect.any(String) },
    mode: 'dry-run',
    files: [
      {
        path: 'a/Dockerfile',
        status: 'changed',
        findings: [
          {
            transform: 'collapse-run',
            message: 'merged two consecutive RUN instructions into one layer',
            fixed: true,
            range: { start: { line: 2, column: 1 }, end: { line: 3, column: 11 } },
            estimate: null,
          },
        ],
        errors: [],
        skipped: null,
        layers: { before: layers(2), after: layers(1) },
        estimatedBytes: 0,
        diff: '--- a/a/Dockerfile\n+++ b/a/Dockerfile\n@@ -1,3 +1,3 @@\n FROM alpine\n-RUN echo a\n-RUN echo b\n+RUN echo a && \\\n+    echo b\n',
      },
      {
        path: 'b/Dockerfile',
        status: 'unchanged',
        findings: [
          expect.objectContaining({
            transform: 'collapse-run',
            fixed: false,
            range: { start: { line: 2, column: 1 }, end: { line: 3, column: 18 } },
          }),
        ],
        errors: [],
        skipped: null,
        layers: { before: layers(2), after: layers(2) },
        estimatedBytes: 0,
        diff: null,
      },
      {
        path: 'c/Dockerfile',
        status: 'error',
        findings: [],
        errors: ['not a Dockerfile: line 1 starts with "import", which is not an instruction'],
        skipped: null,
        layers: null,
        estimatedBytes: 0,
        diff: null,
      },
      {
        path: 'd/Dockerfile',
        status: 'skipped',
        findings: [],
        errors: [],
        skipped: '# dockopt ignore-file',
        layers: { before: layers(2), after: layers(2) },
        estimatedBytes: 0,
        diff: null,
      },
    ],
    totals: {
      files: 4,
      changed: 1,
      unchanged: 1,
      skipped: 1,
      errors: 1,
      estimatedBytes: 0,
      layers: { before: 6, after: 5 },
    },
  });
  // Errors and the summary still go to stderr.
  expect(run.stderr).toBe(
    'dockopt: c/Dockerfile: not a Dockerfile: line 1 starts with "import", which is not an instruction\n' +
      '1 changed, 1 unchanged, 1 skipped, 1 error\n',
  );
});

test('--format json carries estimates with their basis', () => {
  const run = dockopt(dir, ['--format', 'json', '--check', 'e']);
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout);
  expect(report.mode).toBe('check');
  const [file] = report.files;
  expect(file.diff).toBeNull();
  const estimated = file.findings.filter((f: { estimate: unknown }) => f.estimate);
  expect(estimated.length).toBeGreaterThan(0);
  for (const f of estimated) {
    expect(f.estimate.bytes).toBeGreaterThan(0);
    expect(f.estimate.basis).toMatch(/\w/);
  }
  expect(report.totals.estimatedBytes).toBe(file.estimatedBytes);
  expect(file.estimatedBytes).toBe(
    estimated.reduce(
      (sum: number, f: { estimate: { bytes: number } }) => sum + f.estimate.bytes,
      0,
    ),
  );
});

test('--format sarif: valid SARIF 2.1.0, one rule per transform, one result per finding', () => {
  const run = dockopt(dir, ['--format', 'sarif', '-v', '.']);
  expect(run.code).toBe(2);
  const log = JSON.parse(run.stdout);
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  const [sarifRun] = log.runs;
  const ruleIds = sarifRun.tool.driver.rules.map((r: { id: string }) => r.id);
  expect(ruleIds).toEqual(expect.arrayContaining(['apt-hygiene', 'collapse-run']));
  const merged = sarifRun.results.find(
    (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      r.locations[0].physicalLocation.artifactLocation.uri === 'a/Dockerfile',
  );
  expect(merged).toMatchObject({
    ruleId: 'collapse-run',
    ruleIndex: ruleIds.indexOf('collapse-run'),
    level: 'warning',
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: 'a/Dockerfile' },
          region: { startLine: 2, startColumn: 1, endLine: 3, endColumn: 11 },
        },
      },
    ],
    properties: { fixed: true },
  });
  const refused = sarifRun.results.filter((r: { level: string }) => r.level === 'note');
  expect(refused.length).toBeGreaterThan(0);
  expect(refused[0].message.text).toMatch(/^Not changed: /);
  expect(sarifRun.invocations[0].executionSuccessful).toBe(false);
  expect(sarifRun.invocations[0].toolExecutionNotifications).toEqual([
    {
      level: 'error',
      message: { text: expect.stringContaining('not a Dockerfile') },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'c/Dockerfile' } } }],
    },
  ]);
  // The schema does catch a broken log (so the check above means something).
  expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
});

test('--format markdown: a pull-request description of each change and why', () => {
  const run = dockopt(dir, ['--only', 'collapse-run', '--format', 'markdown', 'a', 'b']);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    [
      '## Dockerfile optimisations (dockopt)',
      '',
      '1 of 2 Dockerfiles changed · layers (RUN/COPY/ADD) 4 → 3.',
      '',
      'Transforms applied: `collapse-run`.',
      '',
      '### `a/Dockerfile`',
      '',
      'Layers (RUN/COPY/ADD) 2 → 1.',
      '',
      '- **collapse-run** (line 2): merged two consecutive RUN instructions into one layer',
      '',
      '_Each change keeps what the build does; the notes above say why. Review as usual, and build before merging._',
      '',
    ].join('\n'),
  );
});

test('--format markdown names the other files of the build context a change brings', () => {
  writeFiles(dir, {
    'f/Dockerfile': 'FROM alpine\nCOPY . /app\n',
    'f/src/main.c': 'int main;\n',
    // Something the proposed ignore file keeps out of the image.
    'f/.idea/workspace.xml': '<project/>\n',
  });
  const run = dockopt(dir, ['--only', 'dockerignore', '--format', 'markdown', 'f']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(
    '### `f/Dockerfile`\n\nAlso: `f/.dockerignore` (new).\n\n- **dockerignore**',
  );
});

test('--format markdown numbers the sources of the estimates', () => {
  const run = dockopt(dir, ['--format', 'markdown', 'e']);
  expect(run.stdout).toMatch(/estimated image size saving ~[\d.]+ MB/);
  expect(run.stdout).toMatch(/\(~[\d.]+ MB \[1\]\)/);
  expect(run.stdout).toMatch(/### Where the estimates come from\n\n1\. \S/);
});

test('--output writes the report to a file; stdout stays empty', () => {
  const run = dockopt(dir, ['--write', '--format', 'json', '--output', 'report.json', 'a']);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe('1 written, 0 unchanged, 0 errors\n');
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  expect(report.mode).toBe('write');
  expect(report.files[0]).toMatchObject({ path: 'a/Dockerfile', status: 'changed', diff: null });
  expect(readFileSync(join(dir, 'a/Dockerfile'), 'utf8')).toBe(MERGED);
});

test('text --output gets the diff; --format with --print is refused', () => {
  expect(dockopt(dir, ['-o', 'changes.patch', 'a']).stdout).toBe('');
  expect(readFileSync(join(dir, 'changes.patch'), 'utf8')).toMatch(/^--- a\/a\/Dockerfile\n/);
  const refused = dockopt(dir, ['--format', 'sarif', '--print', 'a']);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('does not go with --print');
});
