/**
 * The bash layer gives redirections and pipes the precedence the shell gives them
 * (src/shell/precedence.ts): tree-sitter-bash binds `a || b > f` as `(a || b) > f`, the shell as
 * `a || (b > f)`, and a transform that trusts the first reading joins `x && a || b > f`.
 */
import { initShellParser } from '../src/shell/parser.js';
import { topLevelChain } from '../src/shell/query.js';
import { parseShellTree, type ShNode, type ShellScript } from '../src/shell/script.js';

beforeAll(() => initShellParser());

/** The tree as nested (type ...) with each command's text, operators between. */
function shape(text: string): string {
  const root = parseShellTree(text, 0);
  if (!root) throw new Error(`does not parse: ${text}`);
  const render = (node: ShNode): string => {
    if (node.type === 'command') return text.slice(node.start, node.end);
    if (node.type === 'file_redirect') return text.slice(node.start, node.end);
    const parts = node.children
      .filter((c) => c.named || ['&&', '||', '|', '!', ';'].includes(c.type))
      .map((c) => (c.named ? render(c) : c.type));
    return `(${node.type} ${parts.join(' ')})`;
  };
  return render(root);
}

describe('redirections bind to the command before them', () => {
  test.each([
    ['a || b >> f', '(program (list a || (redirected_statement b >> f)))'],
    ['a && b > f', '(program (list a && (redirected_statement b > f)))'],
    ['! a > f', '(program (negated_command ! (redirected_statement a > f)))'],
    ['a | b > f', '(program (pipeline a | (redirected_statement b > f)))'],
    ['a | b || c > f', '(program (list (pipeline a | b) || (redirected_statement c > f)))'],
    ['a || b > f && c', '(program (list (list a || (redirected_statement b > f)) && c))'],
    ['a && b > f 2>&1; c', '(program (list a && (redirected_statement b > f 2>&1)) ; c)'],
    // Already right as tree-sitter parses them: left alone.
    ['a > f && b', '(program (list (redirected_statement a > f) && b))'],
    [
      '{ a || b; } > f',
      '(program (redirected_statement (compound_statement (list a || b) ;) > f))',
    ],
    ['(a || b) > f', '(program (redirected_statement (subshell (list a || b)) > f))'],
  ])('%s', (text, expected) => expect(shape(text)).toBe(expected));
});

describe('a pipe binds more tightly than && and ||', () => {
  test.each([
    ['a && b 2>&1 | c', '(program (list a && (pipeline (redirected_statement b 2>&1) | c)))'],
    ['a | b > f | c', '(program (pipeline a | (redirected_statement b > f) | c))'],
    [
      'a || b && c 2>&1 | d | e',
      '(program (list (list a || b) && (pipeline (redirected_statement c 2>&1) | d | e)))',
    ],
  ])('%s', (text, expected) => expect(shape(text)).toBe(expected));
});

test('offsets, parents and fields stay consistent after the rewrite', () => {
  const text = 'x && y || z > f 2>&1 | w';
  const root = parseShellTree(text, 100)!;
  const check = (node: ShNode) => {
    for (const child of node.children) {
      expect(child.parent).toBe(node);
      expect(child.start).toBeGreaterThanOrEqual(node.start);
      expect(child.end).toBeLessThanOrEqual(node.end);
      check(child);
    }
  };
  check(root);
  const script: ShellScript = {
    source: ' '.repeat(100) + text,
    start: 100,
    end: 100 + text.length,
    root,
    comment: null,
    errexit: false,
  };
  // The chain a join must respect: x, && y, || (z > f 2>&1 | w).
  expect(
    topLevelChain(script).map((i) => [i.op, script.source.slice(i.node.start, i.node.end)]),
  ).toEqual([
    [null, 'x'],
    ['&&', 'y'],
    ['||', 'z > f 2>&1 | w'],
  ]);
});
