/**
 * The tree-sitter-bash parser, loaded once per process. Loading the WebAssembly grammar is
 * asynchronous; everything after `initShellParser()` is synchronous, which keeps the engine simple.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
let parser: Parser | null = null;
let loading: Promise<void> | null = null;

export function initShellParser(): Promise<void> {
  loading ??= (async () => {
    await Parser.init();
    const bash = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
    const instance = new Parser();
    instance.setLanguage(bash);
    parser = instance;
  })();
  return loading;
}

export function isShellParserReady(): boolean {
  return parser !== null;
}

/** Parses shell text. The caller owns the tree and must `delete()` it (it lives in WASM memory). */
export function parseShellText(text: string): Tree {
  if (!parser) throw new Error('shell parser not initialised: await initShellParser() first');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
