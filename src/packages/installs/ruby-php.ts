/**
 * Bundler and Composer. `bundle install` reads the Gemfile and its lock; a Gemfile that builds a
 * gem from the source (`gemspec`, `path:`) or reads other files is refused. `composer install`
 * also runs scripts and writes the autoloader, both of which read the source: it runs with
 * `--no-scripts --no-autoloader` first, and `composer dump-autoload` (plus `post-install-cmd`
 * scripts) once the source is in place.
 */
import type { SimpleCommand } from '../../shell/query.js';
import { hasAny, parseArgs, refuse, valueOf, type Classified } from './types.js';

const BUNDLE_WITH_VALUE = new Set([
  '-j',
  '--jobs',
  '--retry',
  '--path',
  '--without',
  '--with',
  '--gemfile',
  '--shebang',
  '--trust-policy',
  '--standalone',
]);
const COMPOSER_WITH_VALUE = new Set(['-d', '--working-dir', '--ignore-platform-req']);
/** Root-package scripts that run during an install and cannot be run afterwards instead. */
const COMPOSER_INSTALL_EVENTS = [
  'pre-install-cmd',
  'pre-package-install',
  'post-package-install',
  'pre-operations-exec',
  'pre-pool-create',
];
const GEMFILE_READS_SOURCE =
  /^\s*(gemspec\b|eval_gemfile\b)|\bpath\s*(:|=>)|File\.(read|open|expand_path)|require_relative|instance_eval/m;

export function classifyRubyPhp(cmd: SimpleCommand): Classified | null {
  if (cmd.name === 'bundle' || cmd.name === 'bundler') return bundle(cmd);
  if (cmd.name === 'gem')
    return cmd.args[0]?.value === 'build' ? { kind: 'other' } : { kind: 'setup' };
  if (cmd.name === 'composer') return composer(cmd);
  return null;
}

function bundle(cmd: SimpleCommand): Classified {
  const args = parseArgs(cmd.args, BUNDLE_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub === 'config')
    return hasAny(args, '--local')
      ? refuse('`bundle config --local` writes the project’s .bundle/config')
      : { kind: 'setup' };
  if (sub !== undefined && sub !== 'install') return { kind: 'other' };
  if (args.dynamic || args.positionals.length > 1)
    return refuse('`bundle install` has arguments dockopt does not know');
  if (hasAny(args, '--binstubs', '--standalone'))
    return refuse('`bundle install --binstubs/--standalone` writes into the project');
  if (valueOf(args, '--gemfile')) return refuse('`--gemfile` names another Gemfile');
  const path = valueOf(args, '--path');
  return {
    kind: 'install',
    install: {
      tool: 'bundler',
      cmd,
      project: '',
      inputs: [
        { path: 'Gemfile', required: true },
        { path: 'Gemfile.lock', required: false },
        { path: '.ruby-version', required: false },
        { path: '.tool-versions', required: false },
      ],
      outputs: ['.bundle', 'vendor/bundle', ...(path && !path.startsWith('/') ? [path] : [])],
      inspect(files) {
        const gemfile = files.readText('Gemfile') ?? '';
        const reads = GEMFILE_READS_SOURCE.exec(gemfile);
        if (reads)
          return { ok: false, reason: `the Gemfile reads the source (\`${reads[0].trim()}\`)` };
        return { ok: true, inputs: [] };
      },
    },
  };
}

function composer(cmd: SimpleCommand): Classified {
  const args = parseArgs(cmd.args, COMPOSER_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub === 'config' || sub === 'global' || sub === 'clear-cache' || sub === 'self-update')
    return sub === 'config' && !hasAny(args, '-g', '--global')
      ? refuse('`composer config` without --global writes composer.json')
      : { kind: 'setup' };
  if (sub !== 'install' && sub !== 'i') return { kind: 'other' };
  if (args.dynamic || args.positionals.length > 1)
    return refuse('`composer install` has arguments dockopt does not know');
  const noScripts = hasAny(args, '--no-scripts');
  const noAutoloader = hasAny(args, '--no-autoloader');
  const noDev = hasAny(args, '--no-dev');
  const dir = valueOf(args, '-d', '--working-dir');
  const dump = noAutoloader
    ? []
    : [
        'composer dump-autoload',
        ...(dir ? [`--working-dir=${dir}`] : []),
        ...(noDev ? ['--no-dev'] : []),
        ...(hasAny(args, '-o', '--optimize-autoloader') ? ['--optimize'] : []),
        ...(hasAny(args, '-a', '--classmap-authoritative') ? ['--classmap-authoritative'] : []),
        ...(hasAny(args, '--apcu-autoloader') ? ['--apcu'] : []),
        ...(noScripts ? ['--no-scripts'] : []),
      ];
  const missing = [
    ...(noScripts ? [] : ['--no-scripts']),
    ...(noAutoloader ? [] : ['--no-autoloader']),
  ];
  const after = (postInstall: boolean) => {
    const parts = dump.length ? [dump.join(' ')] : [];
    if (postInstall && !noScripts)
      parts.push(
        ['composer run-script post-install-cmd', ...(noDev ? ['--no-dev'] : [])].join(' '),
      );
    return parts.length ? parts.join(' && ') : undefined;
  };
  return {
    kind: 'install',
    install: {
      tool: 'composer',
      cmd,
      project: dir ?? '',
      inputs: [
        { path: 'composer.json', required: true },
        { path: 'composer.lock', required: false },
        { path: 'auth.json', required: false },
      ],
      outputs: ['vendor'],
      append: missing.length ? ` ${missing.join(' ')}` : undefined,
      // Without the project's files (unchecked mode) post-install-cmd scripts are not known:
      // `composer run-script` fails for an event nobody listens to, so none is run.
      after: after(false),
      inspect(files) {
        let json: Record<string, unknown>;
        try {
          json = JSON.parse(files.readText('composer.json') ?? '');
        } catch {
          return { ok: false, reason: 'composer.json is not valid JSON' };
        }
        const config = (json.config ?? {}) as Record<string, unknown>;
        if (config['vendor-dir'] !== undefined)
          return { ok: false, reason: 'composer.json moves the vendor directory' };
        const repositories = Array.isArray(json.repositories)
          ? json.repositories
          : Object.values(json.repositories ?? {});
        if (repositories.some((r) => (r as Record<string, unknown>)?.type === 'path'))
          return { ok: false, reason: 'composer.json has a path repository' };
        const scripts = (json.scripts ?? {}) as Record<string, unknown>;
        const during = COMPOSER_INSTALL_EVENTS.filter((e) => scripts[e] !== undefined);
        if (during.length && !noScripts)
          return {
            ok: false,
            reason: `composer.json runs \`${during.join('`, `')}\` scripts during the install`,
          };
        return { ok: true, inputs: [], after: after(scripts['post-install-cmd'] !== undefined) };
      },
    },
  };
}
