/** What multi-stage asks a build (transforms/multi-stage/question.ts), read off the finding. */
import { initialize, optimizeSync } from '../src/api.js';

beforeAll(() => initialize());

test('a C build whose program cannot be told asks for the stage, cut before its build step', () => {
  const text = [
    'FROM debian:bookworm',
    'RUN apt-get update && apt-get install -y build-essential',
    'COPY Makefile prog.c /usr/src/prog/',
    'COPY src/ /usr/src/prog/src/',
    'WORKDIR /usr/src/prog',
    'RUN make && make install',
    'CMD ["prog", "--version"]',
    '',
  ].join('\n');
  const result = optimizeSync(text, { only: ['multi-stage'] });
  const asking = result.findings.filter((f) => f.question);
  expect(asking).toHaveLength(1);
  expect(asking[0].question).toEqual({
    stage: 0,
    stageText: text,
    beforeText: text.slice(0, text.indexOf('RUN make')),
    contextFiles: ['Makefile', 'prog.c', 'src'],
    entry: { argv: ['prog', '--version'] },
  });
});

test('a glob among the copied sources stands for the whole context; no build step, no diff', () => {
  const text = 'FROM golang:1.26\nCOPY *.go ./\nRUN go build .\nCMD ["./app"]\n';
  const [finding] = optimizeSync(text, { only: ['multi-stage'] }).findings;
  expect(finding.question?.contextFiles).toEqual(['.']);
  expect(finding.question?.beforeText).toBe('FROM golang:1.26\nCOPY *.go ./\n');
});

test('nothing is asked where a build cannot help (already multi-stage) or the answer is in', () => {
  const multi = 'FROM golang:1.22 AS a\nRUN go build .\nFROM a\nCMD ["x"]\n';
  expect(optimizeSync(multi, { only: ['multi-stage'] }).findings.some((f) => f.question)).toBe(
    false,
  );
  const answered = optimizeSync(
    'FROM debian:bookworm\nCOPY . /s\nRUN make -C /s install\nCMD ["p"]\n',
    {
      only: ['multi-stage'],
      buildFacts: { 0: { ok: false, reason: 'the stage does not build' } },
    },
  );
  expect(answered.findings.map((f) => [f.message, f.question])).toEqual([
    [
      'build not split into stages: CMD runs p, and which file that is cannot be told; the build that could tell failed: the stage does not build',
      undefined,
    ],
  ]);
});
