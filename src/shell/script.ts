/**
 * A shell script, parsed: a plain JavaScript copy of the tree-sitter-bash tree with offsets into the
 * text it came from (the WASM tree is freed right away, so nothing leaks and nodes stay usable for
 * as long as a caller holds them). This layer knows bash, not Dockerfiles: src/core/run/shell.ts
 * maps a RUN's text onto it.
 */
import type { Tree } from 'web-tree-sitter';
import { parseShellText } from './parser.js';
import type { ShNode } from './node.js';
import { fixPrecedence } from './precedence.js';

export type { ShNode };

export interface ShellScript {
  /** The text the offsets refer to (the whole Dockerfile, for a RUN). */
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

/** The reason given when tree-sitter-bash reports a syntax error in a script. */
export const SHELL_SYNTAX = 'shell syntax the parser does not understand';

export type ShellResult =
  { script: ShellScript; reason?: undefined } | { script: null; reason: string };

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox']);

/** Text of a node in the source. */
export function textOf(script: ShellScript, node: ShNode): string {
  return script.source.slice(node.start, node.end);
}

/** Whether a shell command line (`["/bin/bash", "-c"]`) runs a POSIX shell. */
export function isPosixShell(argv: string[]): boolean {
  const name = (argv[0] ?? '').split('/').pop() ?? '';
  return POSIX_SHELLS.has(name);
}

/** Whether a shell command line runs with `-e` (`["/bin/sh", "-ec"]`, `-o errexit`). */
export function hasErrexit(argv: string[]): boolean {
  return argv
    .slice(1)
    .some(
      (arg, i, rest) => /^-[a-z]*e[a-z]*$/.test(arg) || (arg === '-o' && rest[i + 1] === 'errexit'),
    );
}

/**
 * Trees by shell text, with offsets relative to the text: the same RUN text comes back on every
 * pass of the engine (and across files), and copying a tree is far cheaper than parsing it again.
 */
const treesByText = new Map<string, ShNode | null>();
const TREE_CACHE_LIMIT = 4096;

/**
 * Parses shell text into a tree whose offsets start at `base` (where the text sits in its source),
 * or null when the grammar reports a syntax error.
 */
export function parseShellTree(mapped: string, base: number): ShNode | null {
  let relative = treesByText.get(mapped);
  if (relative === undefined) {
    const tree = parseShellText(mapped);
    try {
      relative = tree.rootNode.hasError ? null : fixPrecedence(convert(tree, 0));
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
