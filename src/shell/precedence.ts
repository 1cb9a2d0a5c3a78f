/**
 * Puts redirections where the shell puts them.
 *
 * tree-sitter-bash attaches a redirection that follows an and-or list, a pipeline or a negation to
 * the whole of it: `a || b >> f` comes out as redirected_statement(list(a || b), >> f), and
 * `a && b 2>&1 | c` as pipeline(redirected_statement(list(a && b), 2>&1), c). A POSIX shell binds a
 * redirection to the one command before it, and a pipe more tightly than `&&`/`||`: those read as
 * `a || { b >> f; }` and `a && { b 2>&1 | c; }`. Left as parsed, the list looks like one
 * redirected command, and a join after `&&` would turn `a || b` into `(x && a) || b`.
 *
 * `fixPrecedence` rewrites such trees in place into what the shell runs: the redirections move
 * down onto the last command of the list (a new redirected_statement spanning that command and
 * them), and a pipeline whose element became a list is rebuilt so that the pipe joins only the
 * commands next to it. Offsets and every other node stay as they were.
 */
import type { ShNode } from './node.js';

const LOOSE_BODIES = new Set(['list', 'pipeline', 'negated_command']);
const AND_OR = new Set(['&&', '||']);

/** Rewrites the tree below `root` (children first); returns `root`. */
export function fixPrecedence(root: ShNode): ShNode {
  for (let i = 0; i < root.children.length; i++) {
    const child = fixPrecedence(root.children[i]);
    const fixed = repair(child);
    if (fixed !== child) {
      fixed.parent = root;
      fixed.field = child.field;
    }
    root.children[i] = fixed;
  }
  return root;
}

function repair(node: ShNode): ShNode {
  if (node.type === 'redirected_statement') return pushRedirectsDown(node);
  if (node.type === 'pipeline') {
    if (node.children.some((c) => c.type === 'list')) return pipeTighterThanAndOr(node);
    if (node.children.some((c) => c.type === 'pipeline')) adopt(node, spliced(node.children));
  }
  return node;
}

/** redirected_statement(list(x && y), R) → list(x && redirected_statement(y, R)). */
function pushRedirectsDown(node: ShNode): ShNode {
  const body = node.children.find((c) => c.field === 'body');
  if (!body || !LOOSE_BODIES.has(body.type)) return node;
  const at = lastIndexOfStatement(body);
  if (at < 0) return node;
  const last = body.children[at];
  const redirects = node.children.filter((c) => c !== body);
  const inner: ShNode = {
    type: 'redirected_statement',
    named: true,
    field: last.field,
    start: last.start,
    end: node.end,
    children: [last, ...redirects],
    parent: body,
  };
  last.field = 'body';
  for (const child of inner.children) child.parent = inner;
  body.children[at] = repair(inner);
  body.children[at].parent = body;
  body.end = node.end;
  return repair(body);
}

/**
 * pipeline(list(a && b), |, c) → list(a && pipeline(b, |, c)): the operands and operators in
 * order, pipes grouped first, then `&&`/`||` from the left, as the shell reads them.
 */
function pipeTighterThanAndOr(pipeline: ShNode): ShNode {
  const sequence: ShNode[] = [];
  for (const child of pipeline.children) flattenAndOr(child, sequence);
  // Operands joined by pipes become one pipeline; && / || then join those from the left.
  const groups: ShNode[][] = [[]];
  const joints: ShNode[] = [];
  for (const item of sequence) {
    if (!item.named && AND_OR.has(item.type)) {
      joints.push(item);
      groups.push([]);
    } else groups[groups.length - 1].push(item);
  }
  const operands = groups.map((group) =>
    countOperands(group) > 1 ? node('pipeline', group) : group[0],
  );
  let result = operands[0];
  for (let i = 1; i < operands.length; i++)
    result = node('list', [result, joints[i - 1], operands[i]]);
  return result;
}

function flattenAndOr(node: ShNode, out: ShNode[]): void {
  if (node.type === 'list' && node.children.every((c) => c.named || AND_OR.has(c.type)))
    for (const child of node.children) flattenAndOr(child, out);
  else out.push(node);
}

function countOperands(group: ShNode[]): number {
  return group.filter((c) => c.named && c.type !== 'comment').length;
}

function node(type: string, children: ShNode[]): ShNode {
  const made: ShNode = {
    type,
    named: true,
    field: null,
    start: children[0].start,
    end: children[children.length - 1].end,
    children: [],
    parent: null,
  };
  adopt(made, type === 'pipeline' ? spliced(children) : children);
  return made;
}

/** `a | b` inside `… | c` is one pipeline `a | b | c`, as tree-sitter gives it when it parses right. */
function spliced(children: ShNode[]): ShNode[] {
  return children.flatMap((child) => (child.type === 'pipeline' ? child.children : [child]));
}

function adopt(parent: ShNode, children: ShNode[]): void {
  parent.children = children;
  for (const child of children) {
    child.parent = parent;
    if (child.named) child.field = null;
  }
}

/** Index of the last child that is a statement (not an operator token or a comment). */
function lastIndexOfStatement(node: ShNode): number {
  for (let i = node.children.length - 1; i >= 0; i--)
    if (node.children[i].named && node.children[i].type !== 'comment') return i;
  return -1;
}
