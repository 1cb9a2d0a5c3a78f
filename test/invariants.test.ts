/**
 * The checks the property tests and the corpus runner apply to every rewrite (src/core/confinement,
 * image-config, static-words): they must fail on what they are meant to catch, and only on that.
 */
import { initialize, optimizeSync } from '../src/api.js';
import {
  changeOutsideFixes,
  firstChangeOutside,
  lineZone,
  withBreakBeforeLastLine,
  withCommentsAbove,
} from '../src/core/confinement.js';
import { finalStageConfig } from '../src/core/image-config.js';
import { parseDockerfile } from '../src/core/model.js';
import { staticArgv } from '../src/core/static-words.js';

describe('changes confined to the lines of applied fixes', () => {
  const before = 'FROM a\nRUN x\n# keep\nRUN y\nCMD z\n';
  const zoneOf = (line: string) => {
    const start = before.indexOf(line);
    return lineZone(before, start, start + line.length);
  };

  test('a zone is whole lines, its line break included', () => {
    expect(zoneOf('RUN x')).toEqual({ start: 7, end: 13 });
    expect(lineZone(before, 0, 0)).toEqual({ start: 0, end: 7 });
    expect(lineZone('no newline', 3, 5)).toEqual({ start: 0, end: 10 });
  });

  test('changes inside zones pass, wherever the zones are (first line, last line)', () => {
    const after = 'FROM a:slim\nRUN x && y\n# keep\nRUN y\nCMD ["z"]\n';
    const zones = [zoneOf('FROM a'), zoneOf('RUN x'), zoneOf('CMD z')];
    expect(firstChangeOutside(before, after, zones)).toBeNull();
  });

  test('a change outside every zone is found, also at the very start or end', () => {
    const zones = [zoneOf('RUN x')];
    expect(firstChangeOutside(before, before.replace('# keep', '# kept'), zones)).toEqual({
      piece: '# keep\nRUN y\nCMD z\n',
      at: 13,
    });
    expect(firstChangeOutside(before, `# new\n${before}`, zones)?.at).toBe(0);
    expect(firstChangeOutside(before, `${before}# new\n`, zones)?.at).toBe(13);
    expect(firstChangeOutside(before, before.replace('RUN x\n', ''), [])).toEqual({
      piece: before,
      at: 0,
    });
  });

  test('the comment lines directly above a zone belong to it', () => {
    const text = 'FROM a\nRUN x\n\n# about y\n  # more\nRUN y\n';
    const at = text.indexOf('RUN y');
    expect(withCommentsAbove(text, lineZone(text, at, at + 5))).toEqual({
      start: text.indexOf('# about'),
      end: text.length,
    });
    expect(withCommentsAbove(text, lineZone(text, 0, 6))).toEqual({ start: 0, end: 7 });
    const inserted = text.replace('# about', 'WORKDIR /y\n# about');
    const finding = { status: 'fixed', start: at, end: at + 5 };
    expect(changeOutsideFixes(text, inserted, [finding])).toBeNull();
    expect(
      changeOutsideFixes(text, text.replace('\n\n', '\nWORKDIR /y\n\n'), [finding]),
    ).not.toBeNull();
  });

  test('deleting the last line of a file without a final newline takes the break before it', () => {
    // Found by `npm run fuzz`: user-churn removed a last `USER app`, and the check blamed the
    // line above for losing its line break.
    const text = 'FROM a AS base\nUSER app\nFROM base\nUSER app';
    const at = text.lastIndexOf('USER app');
    const finding = { status: 'fixed', start: at, end: text.length };
    expect(changeOutsideFixes(text, 'FROM a AS base\nUSER app\nFROM base', [finding])).toBeNull();
    // The line above must still come back whole, and nothing else may go.
    expect(
      changeOutsideFixes(text, 'FROM a AS base\nUSER app\nFROM bas', [finding]),
    ).not.toBeNull();
    expect(changeOutsideFixes(text, 'FROM a AS base\nUSER app\nFROM base\n', [finding])).toBeNull();
    expect(withBreakBeforeLastLine(text, lineZone(text, at, at))).toEqual({
      start: at - 1,
      end: text.length,
    });
    // Blank lines between go with it: the file must not end in the line break of a blank line.
    const blank = 'FROM a AS base\nUSER app\nFROM base   \n\n \nUSER app';
    const last = { status: 'fixed', start: blank.lastIndexOf('USER'), end: blank.length };
    expect(changeOutsideFixes(blank, 'FROM a AS base\nUSER app\nFROM base   ', [last])).toBeNull();
    expect(changeOutsideFixes(blank, 'FROM a AS base\nUSER app\nFROM base', [last])).not.toBeNull();
    expect(withBreakBeforeLastLine('\n\nUSER app', lineZone('\n\nUSER app', 2, 2))).toEqual({
      start: 0,
      end: 10,
    });
    // With a final newline, or a zone that is not the last line, zones stay whole lines.
    expect(withBreakBeforeLastLine(`${text}\n`, lineZone(`${text}\n`, at, at))).toEqual({
      start: at,
      end: text.length + 1,
    });
    expect(withBreakBeforeLastLine(text, lineZone(text, 0, 0))).toEqual({ start: 0, end: 15 });
    expect(withBreakBeforeLastLine('one line', lineZone('one line', 0, 0))).toEqual({
      start: 0,
      end: 8,
    });
  });

  test('a # syntax= directive added on top is allowed with a fix, nothing else there', () => {
    const at = before.indexOf('RUN y');
    const fixed = [{ status: 'fixed', start: at, end: at + 5 }];
    const withMount = before.replace('RUN y', 'RUN --mount=type=cache,target=/c y');
    expect(
      changeOutsideFixes(before, `# syntax=docker/dockerfile:1\n${withMount}`, fixed),
    ).toBeNull();
    expect(
      changeOutsideFixes(before, `# syntax=docker/dockerfile:1\n${before}`, []),
    ).not.toBeNull();
    expect(changeOutsideFixes(before, `# other comment\n${withMount}`, fixed)).not.toBeNull();
  });

  test('only fixed findings open a zone', () => {
    const at = before.indexOf('RUN y');
    const finding = (status: string) => ({ status, start: at, end: at + 5 });
    const after = before.replace('RUN y', 'RUN y && z');
    expect(changeOutsideFixes(before, after, [finding('fixed')])).toBeNull();
    expect(changeOutsideFixes(before, after, [finding('unfixed')])).not.toBeNull();
  });
});

describe('staticArgv: what /bin/sh -c runs, when it is literal', () => {
  test.each([
    ['python app.py', ['python', 'app.py']],
    ["python -m colab --ip='*'", ['python', '-m', 'colab', '--ip=*']],
    ["'/docker init.sh'", ['/docker init.sh']],
    ['exec node "server.js"', ['node', 'server.js']],
    ['nginx -g daemon\\ off\\;', ['nginx', '-g', 'daemon off;']],
  ])('%s', (text, argv) => expect(staticArgv(text)).toEqual(argv));

  test.each([
    'node $APP',
    'echo "$HOME"',
    'ls *.txt',
    '~/bin/start',
    'a && b',
    'a; b',
    'a | b',
    'a > log',
    'FOO=1 node app.js',
    'cd /app',
    'ulimit -n 1024',
    'exec',
    'echo `date`',
    '"unterminated',
  ])('%s: not literal', (text) => expect(staticArgv(text)).toBeNull());
});

describe('finalStageConfig', () => {
  const config = (text: string) => finalStageConfig(parseDockerfile(text));

  test('inherits along FROM <stage>; only the final stage counts', () => {
    const c = config(
      'FROM debian AS base\nENV A=1\nUSER app\nWORKDIR /srv\nFROM base\nWORKDIR web\nEXPOSE 80\nFROM alpine AS other\nENV B=2\nFROM base\nLABEL x="y z"\nCMD ["run"]\n',
    );
    expect(c).toEqual({
      env: { A: '1' },
      labels: { x: 'y z' },
      user: 'app',
      workdir: '/srv',
      expose: [],
      volumes: [],
      entrypoint: null,
      cmd: ['run'],
    });
  });

  test('shell form and exec form of the same literal command are the same config', () => {
    expect(config('FROM a\nCMD python app.py\n')).toEqual(
      config('FROM a\nCMD ["python", "app.py"]\n'),
    );
    expect(config('FROM a\nCMD node $APP\n')).not.toEqual(config('FROM a\nCMD ["node", "$APP"]\n'));
  });

  test('relative WORKDIR resolves against the base image when it is known, else stays unknown', () => {
    expect(config('FROM debian:bookworm\nWORKDIR src\n')?.workdir).toBe('/src');
    expect(config('FROM golang:1.22\nWORKDIR src\n')?.workdir).toBe('/go/src');
    expect(config('FROM example.com/x\nWORKDIR src\n')?.workdir).toBe('<base image WORKDIR>/src');
  });

  test('ENTRYPOINT resets a CMD from an earlier stage, not one set before it in the same stage', () => {
    const parent = 'FROM a AS p\nCMD ["x"]\nFROM p\nENTRYPOINT ["e"]\n';
    expect(config(parent)?.cmd).toBeNull();
    expect(config('FROM a\nCMD ["x"]\nENTRYPOINT ["e"]\n')?.cmd).toEqual(['x']);
  });

  test('MAINTAINER is the authors label, quotes around the name dropped', () => {
    expect(config('FROM a\nMAINTAINER "Jane <j@x.org>"\n')?.labels).toEqual({
      'org.opencontainers.image.authors': 'Jane <j@x.org>',
    });
  });
});

describe('regressions found by these checks', () => {
  beforeAll(() => initialize());
  const outside = (id: string, text: string) => {
    const result = optimizeSync(text, { only: [id] });
    // A transform may fix more than one finding (fold-archive's # syntax= directive is its own).
    const fixedBy = new Set(
      result.findings.filter((f) => f.status === 'fixed').map((f) => f.transform),
    );
    expect([...fixedBy]).toEqual([id]);
    return changeOutsideFixes(text, result.output, result.findings);
  };

  test('base-image: the finding covers the ARG default it changes before FROM', () => {
    expect(outside('base-image', 'ARG BASE=debian:bookworm\nFROM ${BASE}\n')).toBeNull();
  });

  test('cd-to-workdir: a WORKDIR inserted above the comment block of the RUN it serves', () => {
    const text =
      'FROM debian:bookworm AS build\nRUN apt-get update\n# build it\nRUN cd /src && make\nFROM debian:bookworm\n';
    expect(outside('cd-to-workdir', text)).toBeNull();
  });

  test('fold-archive: adds the # syntax= directive its RUN --mount needs', () => {
    const text =
      'FROM python:3.12-slim\nADD requirements.txt /tmp/requirements.txt\nRUN pip install -r /tmp/requirements.txt && rm /tmp/requirements.txt\n';
    expect(outside('fold-archive', text)).toBeNull();
  });

  test('multi-stage: the finding covers the runtime stage it appends', () => {
    const text =
      'FROM golang:1.22\nWORKDIR /src\nCOPY main.go go.mod ./\nRUN go build -o /usr/local/bin/app .\nCMD ["/usr/local/bin/app"]\n';
    expect(outside('multi-stage', text)).toBeNull();
  });
});
