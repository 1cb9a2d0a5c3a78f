/** The shell layer: what the shell sees of a RUN, and the questions transforms ask of it. */
import { parseDockerfile } from '../src/core/model.js';
import { shellBodyText } from '../src/core/run/body.js';
import { initShellParser } from '../src/shell/parser.js';
import {
  commandsOf,
  findCommands,
  hasOption,
  subcommandOf,
  topLevelChain,
} from '../src/shell/query.js';
import { parseRunShell } from '../src/core/run/shell.js';
import { textOf, type ShellScript } from '../src/shell/script.js';
import { enablesErrexit, stateLeaks } from '../src/shell/state.js';

beforeAll(() => initShellParser());

function script(run: string, prefix = 'FROM a\n'): ShellScript {
  const model = parseDockerfile(`${prefix}${run}\n`);
  const node = model.instructions.find((n) => n.keyword === 'RUN')!;
  const result = parseRunShell(model, node);
  if (!result.script) throw new Error(result.reason);
  return result.script;
}

describe('shellBodyText keeps offsets 1:1 and reads like what Docker hands the shell', () => {
  test.each([
    ['continuation', 'a \\\nb', 'a \\\nb'],
    ['blanks after the escape character', 'a \\   \nb', 'a    \\\nb'],
    ['comment line inside a continuation', 'a \\\n  # note\n  b', `a \\\n${' '.repeat(9)}  b`],
    ['empty continuation line', 'a \\\n\n  b', 'a \\\n   b'],
    ['backtick escape', 'a `\nb', 'a \\\nb'],
  ])('%s', (_name, body, expected) => {
    const escape = body.includes('`') ? '`' : '\\';
    const mapped = shellBodyText(body, 0, body.length, escape);
    expect(mapped).toBe(expected);
    expect(mapped.length).toBe(body.length);
  });
});

test('a # comment swallows the rest of the joined RUN, as in Docker', () => {
  const s = script('RUN apt-get install -y \\\n    curl # for downloads \\\n    git');
  expect(commandsOf(s).map((c) => c.args.map((a) => a.text).join(' '))).toEqual([
    'install -y curl',
  ]);
  expect(s.comment).not.toBeNull();
});

test('exec form, heredocs and non-POSIX shells are not parsed', () => {
  const reason = (text: string) => {
    const model = parseDockerfile(text);
    return parseRunShell(
      model,
      model.instructions.find((n) => n.keyword === 'RUN')!,
    ).reason;
  };
  expect(reason('FROM a\nRUN ["a"]\n')).toBe('exec-form RUN (no shell)');
  expect(reason('FROM a\nRUN <<EOF\necho\nEOF\n')).toBe('RUN with a heredoc');
  expect(reason('FROM a\nSHELL ["pwsh", "-c"]\nRUN echo\n')).toContain('non-POSIX SHELL');
  expect(reason('FROM a\nRUN echo "unterminated\n')).toBe(
    'shell syntax the parser does not understand',
  );
});

test('offsets of nodes point into the Dockerfile text', () => {
  const s = script('RUN --mount=type=cache,target=/x echo "héllo" && ls');
  const [echo, ls] = commandsOf(s);
  expect(textOf(s, echo.node)).toBe('echo "héllo"');
  expect(echo.args[0].value).toBe('héllo');
  expect(s.source.slice(ls.node.start, ls.node.end)).toBe('ls');
});

test('commands are seen through sudo, env and assignment prefixes', () => {
  const s = script(
    'RUN DEBIAN_FRONTEND=noninteractive sudo -E -u root env A=1 apt-get -y install curl',
  );
  const [apt] = findCommands(s, 'apt-get');
  expect(apt.wrappers.map((w) => w.text)).toEqual(['sudo', '-E', '-u', 'root', 'env', 'A=1']);
  expect(subcommandOf(apt)?.value).toBe('install');
  expect(hasOption(apt, ['y'], ['yes'])).toBe(true);
});

test('literal values: quotes removed, expansions and globs are not literal', () => {
  const s = script(`RUN echo 'a b' "c" d\\ e $HOME *.txt pre"fix"`);
  expect(commandsOf(s)[0].args.map((a) => a.value)).toEqual([
    'a b',
    'c',
    'd e',
    null,
    null,
    'prefix',
  ]);
});

test('topLevelChain flattens lists with their operators', () => {
  const s = script('RUN a && b || c; d\\\n && e');
  expect(topLevelChain(s).map((i) => [textOf(s, i.node), i.op])).toEqual([
    ['a', null],
    ['b', '&&'],
    ['c', '||'],
    ['d', ';'],
    ['e', '&&'],
  ]);
});

describe('stateLeaks', () => {
  test.each([
    ['cd /src && make', ['cd /src']],
    ['export A=1 && make', ['export A=1']],
    ['A=1', ['A=1']],
    ['A=1 make', []],
    ['(cd /src && make)', []],
    ['cd /x | cat', []],
    ['echo $(cd /x; pwd)', []],
    ['f() { echo; }; f', ['f() { echo; }']],
    ['set -x && make', []],
    ['set -eux', ['set -eux']],
    ['for i in 1 2; do echo $i; done', ['for i in 1 2; do echo $i; done']],
    ['. /etc/os-release', ['. /etc/os-release']],
  ])('%s', (run, leaks) => {
    expect(stateLeaks(script(`RUN ${run}`)).map((l) => l.what)).toEqual(leaks);
  });
});

test('enablesErrexit finds set -e in its spellings', () => {
  expect(enablesErrexit(script('RUN set -e; make'))).toBe(true);
  expect(enablesErrexit(script('RUN set -xeu && make'))).toBe(true);
  expect(enablesErrexit(script('RUN set -o errexit; make'))).toBe(true);
  expect(enablesErrexit(script('RUN set -x; make'))).toBe(false);
});

test('SHELL with -e is known to the script', () => {
  expect(script('RUN make', 'FROM a\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\n').errexit).toBe(
    true,
  );
  expect(script('RUN make', 'FROM a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n').errexit).toBe(
    false,
  );
});
