/**
 * A RUN instruction's shell, parsed: a plain JavaScript copy of the tree-sitter tree with absolute
 * offsets into the Dockerfile text (the WASM tree is freed right away, so nothing leaks and nodes
 * stay usable for as long as a transform holds them).
 */
import type { Tree } from 'web-tree-sitter';
import type { DockerfileModel, InstructionNode } from '../core/model.js';
import { blankFrom, hasBackslashBeforeContinuation, shellBodyText } from './body.js';
import { parseShellText } from './parser.js';

export interface ShNode {
  type: string;
  /** Named nodes are grammar symbols (`command`, `word`); anonymous ones are tokens (`&&`, `;`). */
  named: boolean;
  /** The field this node fills in its parent (`name`, `argument`, `body`...), if any. */
  field: string | null;
  start: number;
  end: number;
  children: ShNode[];
  parent: ShNode | null;
}

export interface ShellScript {
  instruction: InstructionNode;
  /** The Dockerfile text the offsets refer to. */
  source: string;
  /** Absolute offsets of the shell body (after RUN and its flags). */
  start: number;
  end: number;
  root: ShNode;
  /**
   * A shell comment: Docker joins the continuation lines, so a `#` comment runs to the end of the
   * RUN. Nothing may be appended after it; everything from here on is not executed.
   */
  comment: ShNode | null;
  /** The shell in effect runs with `-e` (e.g. `SHELL ["/bin/sh", "-ec"]`). */
  errexit: boolean;
}

/** The reason given when tree-sitter-bash reports a syntax error in a RUN body. */
export const SHELL_SYNTAX = 'shell syntax the parser does not understand';

export type ShellResult =
  { script: ShellScript; reason?: undefined } | { script: null; reason: string };

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox']);

/** Text of a node in the Dockerfile. */
export function textOf(script: ShellScript, node: ShNode): string {
  return script.source.slice(node.start, node.end);
}

/**
 * Parses the shell of a RUN, or says why it will not: exec form, heredocs, a non-POSIX SHELL, or a
 * body the shell grammar cannot parse. Transforms treat a null script as "do not touch".
 */
export function parseRunShell(model: DockerfileModel, node: InstructionNode): ShellResult {
  // Instruction nodes belong to one immutable model: the result can be kept with the node.
  let result = parsed.get(node);
  if (!result) parsed.set(node, (result = parseUncached(model, node)));
  return result;
}

const parsed = new WeakMap<InstructionNode, ShellResult>();

function parseUncached(model: DockerfileModel, node: InstructionNode): ShellResult {
  if (node.keyword !== 'RUN') return { script: null, reason: 'not a RUN instruction' };
  if (node.json) return { script: null, reason: 'exec-form RUN (no shell)' };
  if (node.heredoc) return { script: null, reason: 'RUN with a heredoc' };
  if (!node.args) return { script: null, reason: 'RUN without a command' };
  return parseBody(model, node, node.shell ?? ['/bin/sh', '-c']);
}

/** Instructions whose shell form hands their text to the shell, as RUN does. */
const SHELL_FORM_COMMANDS = new Set(['CMD', 'ENTRYPOINT']);

/**
 * Parses the shell form of a CMD or ENTRYPOINT: the text the image will hand to `/bin/sh -c` (or
 * the stage's SHELL) when the container starts. Same mapping and reasons as for a RUN.
 */
export function parseShellForm(model: DockerfileModel, node: InstructionNode): ShellResult {
  let result = parsedForms.get(node);
  if (!result) {
    if (!SHELL_FORM_COMMANDS.has(node.keyword))
      result = { script: null, reason: `${node.keyword} has no shell form` };
    else if (node.json) result = { script: null, reason: `exec-form ${node.keyword} (no shell)` };
    else if (!node.args) result = { script: null, reason: `${node.keyword} without a command` };
    else result = parseBody(model, node, node.shell ?? ['/bin/sh', '-c']);
    parsedForms.set(node, result);
  }
  return result;
}

const parsedForms = new WeakMap<InstructionNode, ShellResult>();

function parseBody(model: DockerfileModel, node: InstructionNode, argv: string[]): ShellResult {
  if (!isPosixShell(argv))
    return { script: null, reason: `non-POSIX SHELL ${JSON.stringify(argv)}` };
  const { start, end } = node.args!;
  if (hasBackslashBeforeContinuation(model.text, start, end, model.escapeChar))
    return {
      script: null,
      reason:
        'a line continuation right after a backslash, which Docker and a shell read differently',
    };
  let mapped = shellBodyText(model.text, start, end, model.escapeChar);
  let root = parseTree(mapped, start);
  if (!root) return { script: null, reason: SHELL_SYNTAX };
  let comment = findFirst(root, 'comment');
  if (comment && /\S/.test(mapped.slice(comment.end - start))) {
    // Docker joined the lines, so the comment swallows the rest of the RUN: parse what runs.
    mapped = blankFrom(mapped, comment.start - start);
    root = parseTree(mapped, start);
    if (!root) return { script: null, reason: SHELL_SYNTAX };
    comment = { ...comment, end };
  }
  return {
    script: {
      instruction: node,
      source: model.text,
      start,
      end,
      root,
      comment,
      errexit: hasErrexit(argv),
    },
  };
}

export function isPosixShell(argv: string[]): boolean {
  const name = (argv[0] ?? '').split('/').pop() ?? '';
  return POSIX_SHELLS.has(name);
}

function hasErrexit(argv: string[]): boolean {
  return argv
    .slice(1)
    .some(
      (arg, i, rest) => /^-[a-z]*e[a-z]*$/.test(arg) || (arg === '-o' && rest[i + 1] === 'errexit'),
    );
}

/**
 * Trees by shell text, with offsets relative to the body: the same RUN text comes back on every
 * pass of the engine (and across files), and copying a tree is far cheaper than parsing it again.
 */
const treesByText = new Map<string, ShNode | null>();
const TREE_CACHE_LIMIT = 4096;

function parseTree(mapped: string, base: number): ShNode | null {
  let relative = treesByText.get(mapped);
  if (relative === undefined) {
    const tree = parseShellText(mapped);
    try {
      relative = tree.rootNode.hasError ? null : convert(tree, 0);
    } finally {
      tree.delete();
    }
    if (treesByText.size >= TREE_CACHE_LIMIT) treesByText.clear();
    treesByText.set(mapped, relative);
  }
  return relative && rebase(relative, base, null);
}

function rebase(node: ShNode, base: number, parent: ShNode | null): ShNode {
  const copy: ShNode = {
    ...node,
    start: node.start + base,
    end: node.end + base,
    parent,
    children: [],
  };
  for (const child of node.children) copy.children.push(rebase(child, base, copy));
  return copy;
}

/** Copies the tree into plain objects with a cursor (much cheaper than node-by-node access). */
function convert(tree: Tree, base: number): ShNode {
  const cursor = tree.walk();
  try {
    const make = (parent: ShNode | null): ShNode => ({
      type: cursor.nodeType,
      named: cursor.nodeIsNamed,
      field: cursor.currentFieldName,
      start: base + cursor.startIndex,
      end: base + cursor.endIndex,
      children: [],
      parent,
    });
    const root = make(null);
    let current = root;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        const child = make(current);
        current.children.push(child);
        current = child;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return root;
        current = current.parent!;
      }
      const sibling = make(current.parent);
      current.parent!.children.push(sibling);
      current = sibling;
    }
  } finally {
    cursor.delete();
  }
}

/** Depth-first search for the first node of a type. */
export function findFirst(node: ShNode, type: string): ShNode | null {
  if (node.type === type) return node;
  for (const child of node.children) {
    const found = findFirst(child, type);
    if (found) return found;
  }
  return null;
}

/** All nodes of the given types, depth-first, in source order. */
export function findAll(node: ShNode, types: ReadonlySet<string> | string): ShNode[] {
  const wanted = typeof types === 'string' ? new Set([types]) : types;
  const out: ShNode[] = [];
  const walk = (n: ShNode) => {
    if (wanted.has(n.type)) out.push(n);
    for (const child of n.children) walk(child);
  };
  walk(node);
  return out;
}
