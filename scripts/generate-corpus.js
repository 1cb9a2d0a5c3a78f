#!/usr/bin/env node
// A seeded generator of varied Dockerfiles, for benchmarks and bulk-run tests:
//   node scripts/generate-corpus.js <dir> [--count 10000] [--seed 1]
// Same seed and count, same files, byte for byte. Files are laid out as repositories with
// services (`repo-0042/svc-3/Dockerfile`, some `Dockerfile.dev` / `worker.Dockerfile`), and mix
// apt / apk / pip / npm installs, multi-stage builds, comments, continuations, lowercase keywords,
// exec and shell forms, the odd heredoc, CRLF file or BOM: the shapes real repositories have.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    some: (list, max) => {
      const n = 1 + Math.floor(next() * Math.min(max, list.length));
      const copy = [...list];
      const out = [];
      while (out.length < n) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
}

const DEBIAN_BASES = ['debian:bookworm', 'debian:bookworm-slim', 'ubuntu:22.04', 'ubuntu:24.04'];
const PYTHON_BASES = ['python:3.12', 'python:3.11-slim', 'python:3.12-bookworm'];
const NODE_BASES = ['node:20', 'node:22-bookworm', 'node:20-slim'];
const ALPINE_BASES = ['alpine:3.20', 'alpine:3.19', 'python:3.12-alpine', 'node:20-alpine'];
const APT_PACKAGES = [
  'curl',
  'git',
  'wget',
  'make',
  'gcc',
  'build-essential',
  'libpq-dev',
  'ca-certificates',
  'unzip',
  'jq',
  'vim',
  'openssh-client',
  'libssl-dev',
  'pkg-config',
];
const APK_PACKAGES = ['curl', 'git', 'bash', 'build-base', 'openssl', 'ca-certificates', 'tzdata'];
const PIP_PACKAGES = ['flask', 'gunicorn', 'requests', 'numpy==1.26.4', 'django>=4.2', 'celery'];
const NPM_PACKAGES = ['typescript', 'pm2', 'yarn', 'pnpm', 'serve'];

function aptRun(r, style) {
  const packages = r.some(APT_PACKAGES, 5).join(' ');
  const apt = r.chance(0.15) ? 'apt' : 'apt-get';
  const yes = r.chance(0.6) ? ' -y' : '';
  const nir = r.chance(0.3) ? ' --no-install-recommends' : '';
  const clean = r.chance(0.3) ? ' && rm -rf /var/lib/apt/lists/*' : '';
  if (style === 'split')
    return [`RUN ${apt} update`, `RUN ${apt} install${yes}${nir} ${packages}${clean}`];
  if (style === 'continued')
    return [
      `RUN ${apt} update && \\\n    ${apt} install${yes}${nir} \\\n      ${packages.split(' ').join(' \\\n      ')}${clean ? ` && \\\n    rm -rf /var/lib/apt/lists/*` : ''}`,
    ];
  return [`RUN ${apt} update && ${apt} install${yes}${nir} ${packages}${clean}`];
}

function apkRun(r) {
  const packages = r.some(APK_PACKAGES, 4).join(' ');
  return [
    r.chance(0.5) ? `RUN apk add --no-cache ${packages}` : `RUN apk update && apk add ${packages}`,
  ];
}

function pipRun(r) {
  const packages = r.some(PIP_PACKAGES, 3).join(' ');
  const lines = [];
  if (r.chance(0.5)) lines.push('COPY requirements.txt .');
  lines.push(
    r.chance(0.5)
      ? `RUN pip install${r.chance(0.4) ? ' --no-cache-dir' : ''} -r requirements.txt`
      : `RUN pip install ${packages}`,
  );
  return lines;
}

function npmRun(r) {
  const lines = ['COPY package*.json ./'];
  lines.push(r.pick(['RUN npm ci', 'RUN npm install', 'RUN npm ci --omit=dev']));
  if (r.chance(0.4)) lines.push(`RUN npm install -g ${r.some(NPM_PACKAGES, 2).join(' ')}`);
  return lines;
}

function miscRuns(r) {
  return r.some(
    [
      'RUN mkdir -p /app/data',
      'RUN useradd -m app',
      'RUN cd /app && make build',
      'RUN echo "built" > /app/BUILD',
      'RUN chmod +x /app/entrypoint.sh',
      'RUN ln -s /app/bin/server /usr/local/bin/server',
      'RUN set -eux; \\\n    mkdir -p /var/cache/app; \\\n    chown app /var/cache/app',
      'RUN export FOO=bar && ./configure',
      'RUN if [ -f /app/setup.sh ]; then sh /app/setup.sh; fi',
      'RUN ["/bin/sh", "-c", "echo exec form"]',
      'RUN --mount=type=cache,target=/root/.cache echo cached',
      'RUN curl -fsSL https://example.com/install.sh | sh',
    ],
    4,
  );
}

function comment(r) {
  return r.pick([
    '# install the toolchain',
    '# see https://example.com/docs',
    '# TODO: pin versions',
    '# hadolint ignore=DL3008',
    '# dockopt ignore=collapse-run',
  ]);
}

function stage(r, kind, name) {
  const lines = [];
  const bases = {
    debian: DEBIAN_BASES,
    python: PYTHON_BASES,
    node: NODE_BASES,
    alpine: ALPINE_BASES,
  }[kind];
  lines.push(`FROM ${r.pick(bases)}${name ? ` AS ${name}` : ''}`);
  if (r.chance(0.3)) lines.push(`LABEL maintainer="team-${r.int(50)}@example.com"`);
  if (r.chance(0.5)) lines.push(`ENV APP_HOME=/app LANG=C.UTF-8`);
  lines.push('WORKDIR /app');
  const body = [];
  if (kind === 'alpine') body.push(...apkRun(r));
  else body.push(...aptRun(r, r.pick(['split', 'joined', 'continued'])));
  if (kind === 'python') body.push(...pipRun(r));
  if (kind === 'node') body.push(...npmRun(r));
  body.push(...miscRuns(r));
  if (r.chance(0.1)) body.push('RUN <<EOF\nset -e\necho heredoc\nEOF');
  for (const line of body) {
    if (r.chance(0.2)) lines.push(comment(r));
    lines.push(line);
  }
  lines.push('COPY . .');
  return lines;
}

export function generateDockerfile(r) {
  const kind = r.pick(['debian', 'debian', 'python', 'python', 'node', 'alpine']);
  const lines = [];
  if (r.chance(0.2)) lines.push('# syntax=docker/dockerfile:1');
  if (r.chance(0.2)) lines.push('ARG VERSION=1.0');
  if (r.chance(0.35)) {
    lines.push(...stage(r, kind, 'build'));
    lines.push('RUN make dist || true', '');
    lines.push(`FROM ${r.pick([...DEBIAN_BASES, ...ALPINE_BASES])}`);
    lines.push('COPY --from=build /app/dist /app');
  } else {
    lines.push(...stage(r, kind, null));
  }
  if (r.chance(0.5)) lines.push(`EXPOSE ${r.pick([80, 3000, 8000, 8080])}`);
  if (r.chance(0.3)) lines.push('USER app');
  lines.push(
    r.pick(['CMD ["./server"]', 'CMD python app.py', 'ENTRYPOINT ["/app/entrypoint.sh"]']),
  );
  let text = lines.join('\n');
  if (r.chance(0.1)) text = text.replace(/^(run|copy|workdir) /gim, (m) => m.toLowerCase());
  if (!r.chance(0.05)) text += '\n';
  if (r.chance(0.05)) text = text.replace(/\n/g, '\r\n');
  if (r.chance(0.02)) text = `\uFEFF${text}`;
  return text;
}

/** Where file number `i` goes: 10 services per repository, with a few alternative names. */
export function corpusPath(r, i) {
  const repo = `repo-${String(Math.floor(i / 10)).padStart(4, '0')}`;
  const name = r.chance(0.1) ? r.pick(['Dockerfile.dev', 'worker.Dockerfile']) : 'Dockerfile';
  return join(repo, `svc-${i % 10}`, name);
}

function main() {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at === -1 ? fallback : Number(args[at + 1]);
  };
  const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!dir) {
    console.error('usage: node scripts/generate-corpus.js <dir> [--count 10000] [--seed 1]');
    process.exit(2);
  }
  const count = flag('count', 10000);
  const r = rng(flag('seed', 1));
  for (let i = 0; i < count; i++) {
    const path = join(dir, corpusPath(r, i));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, generateDockerfile(r));
  }
  console.log(`wrote ${count} Dockerfiles under ${dir}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
