/**
 * Generates Dockerfiles whose RUNs can be executed (fast-check): one stage, `WORKDIR <root>` first
 * (so dockopt and the executor agree on where it starts), then 2 to 6 RUNs with ENV, WORKDIR
 * (absolute and relative), SHELL (`/bin/sh` with and without -e), comment and blank lines between
 * some of them.
 *
 * A RUN is shell over a small world: the stubs `ok` and `fail` (stub.ts), `cd` (relative and
 * absolute, to directories that exist and that do not), `export`, plain and prefix assignments,
 * `unset`, `set -e` / `set +e`, `exit N`, `true`/`false`, `echo`, and real `mkdir`, `rm`, `grep -q`
 * and `test` on a few paths of the sandbox (so that what the files hold steers what runs). They are
 * combined with `&&`, `||`, `;`, `!`, pipes, `( )`, `{ ...; }`, `if`, and redirects (`>`, `>>`,
 * `2>`, `> f 2>&1`, `<`) on simple commands and on groups and subshells; laid out inline or over
 * continuation lines (the operator before or after the break), sometimes with a comment line, an
 * empty line or blanks after the backslash inside the continuation, or a shell comment at the end. Some RUNs only clean up (`rm -rf ...`),
 * some start with `cd dir &&` or `set -e`: the shapes fold-cleanup, cd-to-workdir and collapse-run
 * look for.
 *
 * Pipes are restricted so that a build always gives the same trace (see pipelineAt).
 *
 * Every absolute path is built from the sandbox root, known before generating; relative paths
 * never climb (`..`), so nothing runs outside the sandbox whatever a rewrite does to the cwd.
 */
import fc from 'fast-check';
import type { StubName } from './stub.js';
import {
  renderDockerfile,
  type Command,
  type Join,
  type List,
  type Pipeline,
  type Redirect,
  type RedirectOp,
  type RunBody,
  type Simple,
} from './render.js';

export interface GeneratedDockerfile {
  text: string;
}

const weighted = <T>(...choices: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...choices.map(([weight, arbitrary]) => ({ weight, arbitrary })));
const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** The Dockerfile arbitrary for a sandbox whose root is `root` (an absolute path). */
export function dockerfileArbitrary(root: string): fc.Arbitrary<GeneratedDockerfile> {
  const dirs = ['a', 'a/b', 'b', 'c', 'x', 'a/y', root, `${root}/a`, `${root}/a/b`, `${root}/x`];
  const files = ['f1', 'f2', 'a/f3', 'b/f4', `${root}/f1`, `${root}/out`, `${root}/x/f6`];
  const cleanable = ['f1', 'a', 'x', `${root}/a/f3`, `${root}/out`, `${root}/x`, `${root}/a/b`];

  const someRedirect = fc.record({
    op: weighted<RedirectOp>(
      [3, fc.constant('>')],
      [3, fc.constant('>>')],
      [1, pick<RedirectOp>('2>', '>&', '<', '2>&1')],
    ),
    target: pick(...files),
  });
  const redirect: fc.Arbitrary<Redirect> = weighted<Redirect>(
    [4, fc.constant(null)],
    [1, someRedirect],
  );
  const outputRedirect = fc.record({ op: pick<RedirectOp>('>', '>>'), target: pick(...files) });
  const word = (...texts: fc.Arbitrary<string>[]) =>
    fc.oneof(...texts).map((text): Simple => ({ kind: 'word', text }));
  const stub: fc.Arbitrary<Simple> = fc.record({
    kind: fc.constant('stub' as const),
    name: weighted<StubName>([2, fc.constant('ok')], [1, fc.constant('fail')]),
    arg: weighted<string | null>([4, fc.constant(null)], [1, pick('"$V"', '$W')]),
    prefix: weighted<string | null>([6, fc.constant(null)], [1, pick('V=p1', 'W=p2')]),
  });
  /** Builtins that touch no file and call no stub: the only company a stub has in a pipe. */
  const quietWords = [
    pick(...dirs).map((d) => `cd ${d}`),
    pick('export V=x1', 'export W=x2', 'V=x3', 'W=x4', 'export V', 'unset V', 'unset W'),
    pick('set -e', 'set +e'),
    pick('exit 0', 'exit 1', 'exit 3'),
    pick('true', 'false'),
  ];
  const simple: fc.Arbitrary<Simple> = weighted<Simple>(
    [16, stub],
    [3, word(quietWords[0])],
    [3, word(quietWords[1])],
    [1, word(quietWords[2])],
    [1, word(quietWords[3])],
    [1, word(quietWords[4])],
    [
      2,
      word(
        pick(...dirs).map((d) => `mkdir ${d}`),
        pick(...dirs).map((d) => `mkdir -p ${d}`),
        pick(...cleanable).map((p) => `rm -rf ${p}`),
        pick(...files).map((f) => `rm -f ${f}`),
      ),
    ],
    [
      2,
      word(
        fc.tuple(pick('initial', 'e1', 'ok'), pick(...files)).map(([w, f]) => `grep -q ${w} ${f}`),
        pick(...files).map((f) => `test -f ${f}`),
        pick(...dirs).map((d) => `[ -d ${d} ]`),
      ),
    ],
  );
  const plain: fc.Arbitrary<Command> = weighted<Command>(
    [20, fc.record({ kind: fc.constant('simple' as const), simple, redirect })],
    // `echo` always into a file: unredirected, it could die of SIGPIPE in a pipe (see pipelineAt).
    [
      1,
      fc.record({
        kind: fc.constant('simple' as const),
        simple: word(pick('echo e1', 'echo "$V"')),
        redirect: outputRedirect,
      }),
    ],
  );
  const quietFrom = (words: fc.Arbitrary<string>[]): fc.Arbitrary<Command> =>
    fc.record({
      kind: fc.constant('simple' as const),
      simple: word(...words, fc.constant('echo e1')),
      redirect: fc.constant(null),
    });
  // After the command, a member's status is the pipe's: not a `cd`, whose status depends on
  // directories the command may be making at that very moment.
  const quietBefore = quietFrom(quietWords);
  const quietAfter = quietFrom(quietWords.slice(1));
  /**
   * `ok c1 2>&1 | fail c2 > f`: each stub drains its input before logging, so they log in order
   * (a redirect of stdout or stdin inside the chain would break it: only the last has one).
   */
  const stderrToOut: fc.Arbitrary<Redirect> = weighted<Redirect>(
    [3, fc.constant(null)],
    [1, fc.constant({ op: '2>&1', target: '' })],
  );
  const stubChain: fc.Arbitrary<Command[]> = fc
    .tuple(
      fc.array(fc.tuple(stub, stderrToOut), { minLength: 1, maxLength: 2 }),
      stub,
      fc.oneof(stderrToOut, outputRedirect),
    )
    .map(([first, lastStub, lastRedirect]) => [
      ...first.map(([simple, redirect]): Command => ({ kind: 'simple', simple, redirect })),
      { kind: 'simple', simple: lastStub, redirect: lastRedirect },
    ]);

  const join: fc.Arbitrary<Join> = fc.record({
    op: weighted<Join['op']>([5, fc.constant('&&')], [2, fc.constant('||')], [2, fc.constant(';')]),
    layout: weighted<Join['layout']>(
      [6, fc.constant('inline')],
      [3, fc.constant('after')],
      [1, fc.constant('before')],
    ),
    extra: weighted<Join['extra']>(
      [10, fc.constant('none')],
      [2, fc.constant('comment')],
      [1, pick<Join['extra']>('empty', 'blanks')],
    ),
  });

  // Compound commands nest lists two levels deep at most.
  const lists: fc.Arbitrary<List>[] = [];
  const commandAt = (depth: number): fc.Arbitrary<Command> => {
    if (depth === 0) return plain;
    const inner = lists[depth - 1];
    return weighted<Command>(
      [12, plain],
      [
        2,
        fc.record({ kind: pick<'subshell' | 'group'>('subshell', 'group'), body: inner, redirect }),
      ],
      [
        1,
        fc.record({
          kind: fc.constant('if' as const),
          condition: inner,
          then: inner,
          otherwise: fc.option(inner, { freq: 2, nil: null }),
        }),
      ],
    );
  };
  /**
   * The members of a pipe run at the same time. To keep the stubs' log and the files the same
   * from one run to the next, a pipe is a chain of plain stubs (stubChain), or one command of any
   * kind with quiet builtins before or after it: then only one member can be seen doing anything.
   */
  const pipelineAt = (depth: number): fc.Arbitrary<Pipeline> =>
    fc.record({
      bang: weighted([7, fc.constant(false)], [1, fc.constant(true)]),
      commands: weighted<Command[]>(
        [12, commandAt(depth).map((c) => [c])],
        [1, stubChain],
        [
          1,
          fc
            .tuple(fc.array(quietBefore, { minLength: 1, maxLength: 2 }), commandAt(depth))
            .map(([before, c]) => [...before, c]),
        ],
        [
          1,
          fc
            .tuple(commandAt(depth), fc.array(quietAfter, { minLength: 1, maxLength: 2 }))
            .map(([c, after]) => [c, ...after]),
        ],
      ),
    });
  for (let depth = 0; depth <= 2; depth++)
    lists.push(
      fc.record({
        first: pipelineAt(depth),
        rest: fc.array(fc.record({ join, pipeline: pipelineAt(depth) }), {
          maxLength: depth === 2 ? 3 : 2,
        }),
      }),
    );

  const runBody: fc.Arbitrary<RunBody> = weighted<RunBody>(
    [
      8,
      fc.record({
        kind: fc.constant('list' as const),
        lead: weighted<string | null>(
          [6, fc.constant(null)],
          [2, pick(...dirs).map((d) => `cd ${d} &&`)],
          [1, pick('set -e;', 'set -e &&')],
        ),
        list: lists[2],
        trailingComment: weighted([15, fc.constant(false)], [1, fc.constant(true)]),
      }),
    ],
    [
      2,
      fc.record({
        kind: fc.constant('cleanup' as const),
        commands: fc.array(
          fc.oneof(
            pick(...cleanable).map((p) => `rm -rf ${p}`),
            pick(...files).map((f) => `rm -f ${f}`),
          ),
          { minLength: 1, maxLength: 2 },
        ),
        orTrue: fc.boolean(),
      }),
    ],
  );

  const before: fc.Arbitrary<string | null> = weighted<string | null>(
    [10, fc.constant(null)],
    [1, pick('# a comment', '')],
    [2, pick('ENV V=e1', 'ENV W=e2', 'ENV V=e3 W=e4')],
    [
      2,
      pick(`${root}/a`, `${root}/c`, `${root}/x`, `${root}/w/v`, root, 'a', 'b', 'w').map(
        (d) => `WORKDIR ${d}`,
      ),
    ],
    [
      1,
      pick('["/bin/sh", "-e", "-c"]', '["/bin/sh", "-ec"]', '["/bin/sh", "-c"]').map(
        (s) => `SHELL ${s}`,
      ),
    ],
  );

  return fc
    .array(fc.record({ before, run: runBody }), { minLength: 2, maxLength: 6 })
    .map((steps) => ({ text: renderDockerfile(root, steps) }));
}
