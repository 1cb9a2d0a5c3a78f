import type { BuildContext } from '../../src/core/context.js';
import { copySpec, hasGlob, isPlainPath } from '../../src/core/copy.js';
import { compileDockerignore, normalizeContextPath } from '../../src/core/dockerignore.js';
import type { DockerfileModel, InstructionNode } from '../../src/core/model.js';
import { defineTransform } from '../../src/core/transform.js';
import { commandsOf, type SimpleCommand } from '../../src/shell/query.js';
import { parseRunShell } from '../../src/core/run/shell.js';
import { collectReferences, globMatches, walkContext, type Reference } from './references.js';
import { keepsNothingOut, relevanceOf, type Ecosystem, type Scope } from './relevance.js';

/**
 * The usual heavy entries. `probe`: a path the entry excludes, to tell whether it is there already.
 * `ecosystem` and `scope`: which builds make such files, and where (relevance.ts); an entry
 * without them is proposed only when it matches something in the context.
 */
interface Entry {
  line: string;
  probe: string;
  /** Something a build may use: only excluded where the Dockerfiles show they do not. */
  check?: 'node_modules' | 'git' | 'venv' | 'target' | 'self';
  ecosystem?: Ecosystem;
  scope?: Scope;
}

const ENTRIES: Entry[] = [
  { line: '.git', probe: '.git', check: 'git' },
  {
    line: '**/node_modules',
    probe: 'node_modules',
    check: 'node_modules',
    ecosystem: 'node',
    scope: 'manifest',
  },
  { line: '**/npm-debug.log*', probe: 'npm-debug.log', ecosystem: 'node', scope: 'manifest' },
  { line: '**/yarn-error.log', probe: 'yarn-error.log', ecosystem: 'node', scope: 'manifest' },
  { line: '**/__pycache__', probe: '__pycache__', ecosystem: 'python', scope: 'anywhere' },
  { line: '**/*.pyc', probe: 'x.pyc', ecosystem: 'python', scope: 'anywhere' },
  { line: '.venv', probe: '.venv', check: 'venv', ecosystem: 'python', scope: 'root' },
  { line: '.pytest_cache', probe: '.pytest_cache', ecosystem: 'python', scope: 'root' },
  { line: '.tox', probe: '.tox', ecosystem: 'python', scope: 'root' },
  { line: 'target', probe: 'target', check: 'target', ecosystem: 'target', scope: 'root' },
  { line: '.idea', probe: '.idea' },
  { line: '.vscode', probe: '.vscode' },
  { line: '**/*.swp', probe: 'x.swp' },
  { line: '**/.DS_Store', probe: '.DS_Store' },
  { line: 'Dockerfile*', probe: 'Dockerfile', check: 'self' },
  { line: '.dockerignore', probe: '.dockerignore', check: 'self' },
];

const HEADER = '# Not needed in the image (proposed by dockopt)';
/** Python build backends that read the version from git. */
const VERSION_FROM_GIT =
  /setuptools[_-]scm|hatch-vcs|versioningit|dunamai|poetry-dynamic-versioning|\bpbr\b/;

export default defineTransform({
  meta: {
    id: 'dockerignore',
    title: 'A .dockerignore that keeps heavy, unneeded files out of the build context',
    description:
      'Proposes a .dockerignore (new, or extended) with the usual heavy entries (.git, node_modules, caches, editor files...), so `COPY . .` neither sends nor copies them. Never adds an entry that would exclude a path some COPY/ADD of a Dockerfile using the context names, nor one a build may use (node_modules without a reinstall, .git where git runs, target/ without a build).',
    safety: 'safe',
    category: 'size',
  },
  create(ctx) {
    const context = ctx.buildContext;
    if (!context) return;
    const broad = ctx.model.instructions.find((node) => copiesFolder(ctx.model, node, context));
    if (!broad) return; // nothing copies a whole folder: heavy files are not sent or copied
    const paths = walkContext(context);
    if (!paths) {
      ctx.report({
        message: 'the build context is too large to check every Dockerfile in it',
        node: broad,
      });
      return;
    }
    // The Dockerfile and the ignore file are in the context too, once written.
    for (const own of [context.dockerfile, context.ignoreFile])
      if (own && !paths.includes(own)) paths.push(own);
    const found = collectReferences(ctx.model, context, paths);
    if (!found.ok) {
      ctx.report({
        message: `.dockerignore not proposed: ${found.reason}`,
        node: found.node ?? broad,
      });
      return;
    }
    const existing = context.readText(context.ignoreFile);
    const before = compileDockerignore(existing);
    const relevance = relevanceOf(
      found.refs,
      paths,
      found.models.map((m) => m.model),
      context,
    );
    const added: string[] = [];
    const kept: string[] = [];
    const useless: string[] = [];
    for (const entry of ENTRIES) {
      if (before(entry.probe)) continue;
      if (entry.line === 'target' && !context.exists('Cargo.toml') && !context.exists('pom.xml'))
        continue;
      const prior = compileDockerignore(`${existing ?? ''}\n${added.join('\n')}`);
      const after = compileDockerignore(`${existing ?? ''}\n${[...added, entry.line].join('\n')}`);
      const newlyExcluded = (path: string) => after(path) && !prior(path);
      const nothing = keepsNothingOut(
        entry.ecosystem ?? null,
        entry.scope ?? 'none',
        relevance,
        newlyExcluded,
      );
      if (nothing) {
        useless.push(`${entry.line} (${nothing})`);
        continue;
      }
      const conflict = found.refs.find((ref) =>
        (ref.folder || !/[*?[]/.test(ref.path) ? [ref.path] : globMatches(ref.path, paths)).some(
          newlyExcluded,
        ),
      );
      if (conflict) {
        kept.push(`${entry.line} (${describe(conflict)} names it)`);
        continue;
      }
      const why = entry.check && needed(entry, found.refs, paths, newlyExcluded, context);
      if (why) {
        kept.push(`${entry.line} (${why})`);
        continue;
      }
      added.push(entry.line);
    }
    const note = kept.length ? `; left out: ${kept.join(', ')}` : '';
    const uselessNote = useless.length ? `would keep nothing out: ${useless.join(', ')}` : '';
    // The Dockerfile and the ignore file alone are not worth a change of their own.
    const selfOnly = ENTRIES.filter((e) => e.check === 'self').map((e) => e.line);
    if (added.every((line) => selfOnly.includes(line))) {
      // On a file dockopt proposed (an earlier pass, or an earlier run), the entries left out for
      // a reason were said with the proposal; those that would keep nothing out are said again,
      // since only the last pass's notes are kept.
      const proposedByUs = existing?.split(/\r?\n/).includes(HEADER) ?? false;
      if (proposedByUs) {
        if (useless.length > 0)
          ctx.report({
            message: `not proposed for ${context.ignoreFile}, as they ${uselessNote}`,
            node: broad,
          });
        return;
      }
      const why = [kept.length ? `left out: ${kept.join(', ')}` : '', uselessNote].filter(Boolean);
      if (why.length > 0)
        ctx.report({
          message: `nothing to add to ${context.ignoreFile}: ${why.join('; ')}`,
          node: broad,
        });
      return;
    }
    if (useless.length > 0)
      ctx.report({
        message: `not proposed for ${context.ignoreFile}, as they ${uselessNote}`,
        node: broad,
      });
    ctx.report({
      message: `${existing === null ? 'proposes' : 'extends'} ${context.ignoreFile} with ${added.join(', ')}: kept out of the build context and of \`${firstLine(ctx.model, broad)}\`${note}`,
      node: broad,
      files: [{ path: context.ignoreFile, text: withEntries(existing, added) }],
    });
  },
});

/** A COPY/ADD of a whole folder of the context (not from a stage or image). */
function copiesFolder(
  model: DockerfileModel,
  node: InstructionNode,
  context: BuildContext,
): boolean {
  const spec = copySpec(model, node);
  if (!spec || spec.from !== null) return false;
  return spec.sources.some((s) => {
    const path = isPlainPath(s.text) && !hasGlob(s.text) ? normalizeContextPath(s.text) : null;
    return path !== null && (path === '' || context.isDirectory(path));
  });
}

/** Whether some RUN of these Dockerfiles runs a matching command (`unknown`: for a RUN not parsed). */
function runsCommand(
  models: DockerfileModel[],
  match: (cmd: SimpleCommand) => boolean,
  unknown: boolean,
): boolean {
  return models.some((m) =>
    m.instructions.some((node) => {
      if (node.keyword !== 'RUN') return false;
      const { script } = parseRunShell(m, node);
      return script ? commandsOf(script).some(match) : unknown;
    }),
  );
}

const NODE_INSTALL = new Set(['install', 'ci', 'i', 'clean-install']);

/**
 * Why a build may need what the entry would exclude, or null. Only asked where the context has
 * such files inside a folder some COPY copies whole.
 */
function needed(
  entry: Entry,
  refs: Reference[],
  paths: readonly string[],
  newlyExcluded: (path: string) => boolean,
  context: BuildContext,
): string | null {
  const folders = refs.filter((r) => r.folder);
  const inside = (p: string, r: Reference) =>
    r.path === '' || p === r.path || p.startsWith(`${r.path}/`);
  const present = paths.filter((p) => newlyExcluded(p) && folders.some((r) => inside(p, r)));
  if (present.length === 0) return null;
  const models = [...new Set(folders.map((r) => r.model))];
  switch (entry.check) {
    case 'self': {
      // An ignore file dockopt creates was not there for the original build to copy: excluding
      // it keeps the image as it was, where leaving it in would add it to the image.
      const copied = present.find((p) => p !== context.ignoreFile || context.exists(p));
      if (!copied) return null;
      const by = folders.find((r) => inside(copied, r))!;
      return `${copied} is copied by \`${firstLine(by.model, by.node)}\``;
    }
    case 'node_modules': {
      const reinstalls = runsCommand(
        models,
        (c) =>
          ['npm', 'yarn', 'pnpm'].includes(c.name ?? '') &&
          NODE_INSTALL.has(c.args.find((a) => !a.value?.startsWith('-'))?.value ?? 'install'),
        false,
      );
      return reinstalls ? null : `${present[0]} is copied and no RUN installs the packages again`;
    }
    case 'git': {
      if (runsCommand(models, (c) => c.name === 'git', true)) return 'a RUN may use git';
      const meta = ['pyproject.toml', 'setup.cfg', 'setup.py'].map(
        (f) => context.readText(f) ?? '',
      );
      return VERSION_FROM_GIT.test(meta.join('\n'))
        ? 'the Python build reads its version from git'
        : null;
    }
    case 'venv':
      return models.some((m) => m.text.includes('.venv')) ? 'the Dockerfile refers to .venv' : null;
    case 'target': {
      const builds = runsCommand(
        models,
        (c) => ['cargo', 'mvn', 'mvnw'].includes((c.name ?? '').split('/').pop()!),
        false,
      );
      return builds ? null : `${present[0]} is copied and no RUN builds it again`;
    }
    default:
      return null;
  }
}

function describe(ref: Reference): string {
  return `${ref.file ? `${ref.file}: ` : ''}\`${firstLine(ref.model, ref.node)}\``;
}

function firstLine(model: DockerfileModel, node: InstructionNode): string {
  const line = model.text
    .slice(node.start, node.end)
    .split('\n')[0]
    .replace(/\s*\\$/, '');
  return line.length > 50 ? `${line.slice(0, 47)}...` : line;
}

/**
 * The file with the entries added: appended, or, when the file has `!` exceptions, inserted
 * before the first one, so that every path the user's lines decide is still decided by them
 * (the last matching line wins, and only exclusions come before the first exception).
 */
function withEntries(existing: string | null, entries: string[]): string {
  if (existing === null) return `${[HEADER, ...entries].join('\n')}\n`;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const header = existing.split(/\r?\n/).includes(HEADER) ? [] : [HEADER];
  const block = [...header, ...entries].join(eol) + eol;
  const lines = existing.split(eol);
  const firstException = lines.findIndex((l) => l.trimStart().startsWith('!'));
  if (firstException !== -1)
    return [...lines.slice(0, firstException), block + lines.slice(firstException).join(eol)].join(
      eol,
    );
  const body = existing === '' || existing.endsWith(eol) ? existing : existing + eol;
  return body + block;
}
