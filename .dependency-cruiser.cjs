/**
 * The allowed import directions between dockopt's folders (CONTRIBUTING.md, "Layers"), checked by
 * dependency-cruiser: `npm run lint:layers`, and test/layers.test.ts in `npm test`.
 *
 *   src/shell      bash only: parser, trees, queries. Imports nothing of ours.
 *   src/core       the Dockerfile: source, model, edits, engine, and the shell of a RUN in place
 *                  (src/core/run). May import src/shell.
 *   src/packages   package-manager and build-tool knowledge. May import src/shell and src/core.
 *   src/data       shipped tables (image sizes, releases...). May import src/core.
 *   transforms     the transforms. May import the four above; nothing that runs builds or reads disks.
 *   src/fs         the build context on disk. May import src/core.
 *   src/builder    docker / podman / buildah. Imports nothing of ours.
 *   src/facts      what a built image tells. May import src/builder and src/core.
 *   src/api.ts     the library entry. May import the layers above and transforms, not the CLI.
 *   src/verify     building rewrites. May import the library, src/builder, src/fs, src/facts.
 *   src/cli        the command line: may import everything.
 * Type-only imports count too: a cycle through types is still a cycle for the next reader.
 */
const below = (from, allowed) => ({
  name: `${from.name}-imports-only-${allowed.length ? allowed.join('-') : 'itself'}`,
  comment: `${from.path} may import only ${allowed.length ? allowed.join(', ') : 'itself'} among dockopt's folders`,
  severity: 'error',
  from: { path: from.path },
  to: {
    path: '^(src|transforms)/',
    pathNot: [from.path, ...allowed.map((name) => FOLDERS[name])],
  },
});

const FOLDERS = {
  shell: '^src/shell/',
  core: '^src/core/',
  packages: '^src/packages/',
  data: '^src/data/',
  transforms: '^transforms/',
  fs: '^src/fs/',
  builder: '^src/builder/',
  facts: '^src/facts/',
  api: '^src/api\\.ts$',
  verify: '^src/verify/',
};

const layer = (name) => ({ name, path: FOLDERS[name] });

module.exports = {
  forbidden: [
    below(layer('shell'), []),
    below(layer('core'), ['shell']),
    below(layer('packages'), ['shell', 'core']),
    below(layer('data'), ['core']),
    below(layer('transforms'), ['shell', 'core', 'packages', 'data']),
    below(layer('fs'), ['core']),
    below(layer('builder'), []),
    below(layer('facts'), ['builder', 'core']),
    below(layer('api'), ['shell', 'core', 'packages', 'data', 'transforms']),
    below(layer('verify'), [
      'api',
      'builder',
      'fs',
      'facts',
      'core',
      'shell',
      'packages',
      'data',
      'transforms',
    ]),
    {
      name: 'no-cycles',
      comment: 'Modules must not import each other, directly or through others (types included).',
      severity: 'error',
      from: { path: '^(src|transforms)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
