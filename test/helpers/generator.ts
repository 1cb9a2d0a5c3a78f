/**
 * A grammar of Dockerfiles for property-based tests (fast-check): parser directives, ARGs before
 * FROM, stages (FROM an image or an earlier stage), the instructions real files use, comments and
 * blank lines between them, and RUN bodies built from real-world commands and shell constructs,
 * joined by `&&`, `||`, `;`, `|` and laid out inline or over continuation lines (with comment lines,
 * empty continuation lines and blanks after the escape character inside them). The file as a whole
 * gets LF or CRLF line endings, maybe a BOM, maybe no final newline, blanks at the end of some
 * lines, and now and then lower-case keywords or tab indentation.
 *
 * Everything generated is a Dockerfile Docker would parse (only known instructions, every
 * continuation closed): properties about rewrites need inputs the engine accepts.
 */
import fc from 'fast-check';

/** Single commands, as they appear in real RUN instructions. */
const COMMANDS = [
  'apt-get update',
  'apt-get update -qq',
  'apt-get install -y curl',
  'apt-get install -y --no-install-recommends git ca-certificates',
  'apt-get -y install make gcc',
  'apt-get install curl wget',
  'apt install -y python3',
  'apt-get upgrade -y',
  'DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata',
  'apt-get install -y openjdk-17-jre-headless',
  'apt-get clean',
  'rm -rf /var/lib/apt/lists/*',
  'apt-get purge -y --auto-remove gcc',
  'sudo apt-get install -y vim',
  'apk add --no-cache bash',
  'apk update',
  'pip install --no-cache-dir requests',
  'pip3 install -r requirements.txt',
  'npm ci',
  'npm install -g yarn',
  'yarn install --frozen-lockfile',
  'go build -o /app ./...',
  'make',
  'make install',
  './configure --prefix=/usr',
  'cd /src',
  'cd build',
  'export PATH=/opt/bin:$PATH',
  'set -e',
  'set -eux',
  'set -o pipefail',
  'set -x',
  'source /etc/profile',
  '. ./env.sh',
  'umask 022',
  'trap "rm -f /tmp/x" EXIT',
  'FOO=bar',
  'unset FOO',
  'mkdir -p /app/data',
  'useradd -m app',
  'chown -R app:app /app',
  'ln -s /usr/bin/python3 /usr/bin/python',
  'echo "hello world" > /etc/motd',
  "echo 'a && b' >> /tmp/f",
  'printf "%s\\n" x',
  'curl -fsSL https://example.com/install.sh | sh',
  'wget -qO- https://example.com/x.tgz | tar xz -C /opt',
  'chmod +x /usr/local/bin/entry',
  'true',
  '[ -d /app ] || mkdir /app',
  'grep -q foo /etc/hosts || echo foo >> /etc/hosts',
  'VERSION=$(cat /VERSION)',
  'echo $(( 1 + 2 ))',
  'sleep 1 &',
  'exec nginx',
  'exit 0',
  'sed -i "s/a/b/" /etc/conf',
  'find / -name "*.pyc" -delete',
  'cat <<< "here string"',
  'git clone --depth 1 https://github.com/x/y.git /src',
  'python -c "print(1)"',
  'echo "#not a comment"',
  'echo a#b',
  'ls | wc -l',
  '! false',
  'if [ -f /a ]; then echo a; fi',
  'for f in a b c; do echo $f; done',
  'while read line; do echo $line; done < /etc/hosts',
  '( cd /src && make )',
  '{ echo a; echo b; }',
  'case "$X" in a) echo a;; *) echo other;; esac',
  'f() { echo f; }',
  '((i=1))',
  'if command -v apt-get >/dev/null; then apt-get update && apt-get install -y curl; fi',
  'echo ünïcödé 🐳',
  'rm -rf /tmp/* /var/tmp/*',
  'pip cache purge',
  'npm cache clean --force',
  'yum install -y gcc && yum clean all',
  'dnf install -y make',
  'apk add --no-cache --virtual .build-deps gcc musl-dev',
  'apk del .build-deps',
  'echo a\\',
];

const OPERATORS = ['&&', '&&', '&&', '&&', ';', '||', '|'];

const word = (values: readonly string[]) => fc.constantFrom(...values);

/** How a RUN's statements are laid out. */
interface Layout {
  /** Per join: inline, or a continuation line (operator before or after the break). */
  breaks: ('inline' | 'after' | 'before')[];
  /** Per join: a comment line, or an empty line, inside the continuation. */
  extras: ('none' | 'comment' | 'empty' | 'blanks-after-escape')[];
  indent: string;
  trailingComment: boolean;
}

const shellBody = fc
  .record({
    commands: fc.array(word(COMMANDS), { minLength: 1, maxLength: 6 }),
    operators: fc.array(word(OPERATORS), { minLength: 5, maxLength: 5 }),
    breaks: fc.array(fc.constantFrom('inline', 'after', 'after', 'before'), {
      minLength: 5,
      maxLength: 5,
    }),
    extras: fc.array(
      fc.constantFrom('none', 'none', 'none', 'comment', 'empty', 'blanks-after-escape'),
      { minLength: 5, maxLength: 5 },
    ),
    indent: fc.constantFrom('    ', '  ', '\t', '        '),
    trailingComment: fc.constantFrom(false, false, false, true),
  })
  .map(({ commands, operators, breaks, extras, indent, trailingComment }) =>
    renderShell(commands, operators, {
      breaks: breaks as Layout['breaks'],
      extras: extras as Layout['extras'],
      indent,
      trailingComment,
    }),
  );

function renderShell(commands: string[], operators: string[], layout: Layout): string {
  let out = commands[0];
  for (let i = 1; i < commands.length; i++) {
    // A command ending in `&` is already terminated: a following `&&` would be a syntax error.
    const op = commands[i - 1].endsWith('&') ? '' : operators[i - 1];
    const extra = layout.extras[i - 1];
    const brk = layout.breaks[i - 1];
    if (brk === 'inline') {
      out += op ? ` ${op} ${commands[i]}` : ` ${commands[i]}`;
      continue;
    }
    const escape = extra === 'blanks-after-escape' ? '\\  ' : '\\';
    const inside =
      extra === 'comment' ? `${layout.indent}# step ${i}\n` : extra === 'empty' ? '\n' : '';
    if (brk === 'after' || !op)
      out += `${op ? ` ${op}` : ''} ${escape}\n${inside}${layout.indent}${commands[i]}`;
    else out += ` ${escape}\n${inside}${layout.indent}${op} ${commands[i]}`;
  }
  return layout.trailingComment ? `${out} # done` : out;
}

const runInstruction = fc.oneof(
  { weight: 12, arbitrary: shellBody.map((body) => `RUN ${body}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        word([
          '--mount=type=cache,target=/var/cache/apt',
          '--mount=type=cache,target=/root/.cache/pip',
          '--network=none',
          '--security=insecure',
          '--mount=type=secret,id=token',
        ]),
        shellBody,
      )
      .map(([flag, body]) => `RUN ${flag} ${body}`),
  },
  {
    weight: 1,
    arbitrary: word([
      'RUN ["apt-get", "update"]',
      'RUN ["/bin/sh", "-c", "echo exec form"]',
      'RUN [ "make", "install" ]',
    ]),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(word(COMMANDS.slice(0, 30)), { minLength: 1, maxLength: 3 })
      .chain((lines) =>
        word([
          `RUN <<EOF\n${lines.join('\n')}\nEOF`,
          `RUN <<-EOT bash\n\t${lines.join('\n\t')}\n\tEOT`,
          `RUN python3 - <<'PY'\nprint("hi")\nPY`,
          `RUN <<A cat > /a && <<B cat > /b\n${lines[0]}\nA\nsecond\nB`,
        ]),
      ),
  },
);

const otherInstruction = word([
  'ENV A=1',
  'ENV PATH=/opt/bin:$PATH',
  'ENV LANG C.UTF-8',
  'ENV A="x y" B=2',
  'ENV DEBIAN_FRONTEND=noninteractive \\\n    TZ=UTC',
  'LABEL maintainer="someone@example.com"',
  'LABEL a=b c="d e"',
  'WORKDIR /app',
  'WORKDIR src',
  'USER app',
  'USER 1000:1000',
  'EXPOSE 80 443/tcp',
  'EXPOSE 8080',
  'VOLUME ["/data"]',
  'VOLUME /var/log',
  'CMD ["nginx", "-g", "daemon off;"]',
  'CMD python app.py',
  'CMD node $APP',
  'ENTRYPOINT ["/entry.sh"]',
  'ENTRYPOINT exec gunicorn app:app',
  'COPY . /app',
  'COPY --chown=app:app src /src',
  'COPY <<EOF /etc/app.conf\nkey=value\nEOF',
  'ADD https://example.com/x.tgz /tmp/',
  'ARG VERSION=1.0',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  'SHELL ["/bin/sh", "-ec"]',
  'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
  'STOPSIGNAL SIGTERM',
  'ONBUILD RUN apt-get update && apt-get install -y make',
  'ONBUILD COPY . /app',
  'MAINTAINER someone',
  'ADD app.tar.gz /opt/',
  'ADD src /app/src',
  'ADD --chown=app:app . /app',
  'CMD echo "hello world"',
  'CMD exec node server.js',
  'CMD ["sh", "-c", "echo $HOME"]',
  'ENTRYPOINT ./start.sh',
  'ENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["nginx"]',
  'USER root',
  'WORKDIR ../lib',
  'WORKDIR $HOME/app',
  'ENV key value',
  'LABEL version 1.0',
]);

const between = word([
  '# a comment',
  '# hadolint ignore=DL3008',
  '#',
  '',
  '# install the tools \\',
  '# dockopt ignore=collapse-run',
]);

const instruction = fc.oneof(
  { weight: 6, arbitrary: runInstruction },
  { weight: 3, arbitrary: otherInstruction },
  { weight: 2, arbitrary: between },
);

const IMAGES = [
  'debian:bookworm',
  'debian:bookworm-slim',
  'ubuntu:22.04',
  'python:3.12-slim',
  'node:20',
  'alpine:3.20',
  '${BASE}',
  '${IMAGE}:${TAG}',
  '--platform=$BUILDPLATFORM golang:1.22',
];

const stage = fc.record({
  image: word(IMAGES),
  fromEarlier: fc.boolean(),
  named: fc.boolean(),
  body: fc.array(instruction, { minLength: 0, maxLength: 7 }),
});

export interface GeneratedFile {
  /** The file contents as given to dockopt (line endings, BOM, final newline applied). */
  text: string;
}

export const dockerfileArbitrary: fc.Arbitrary<GeneratedFile> = fc
  .record({
    directives: fc.subarray(['# syntax=docker/dockerfile:1', '# check=skip=JSONArgsRecommended']),
    args: fc.subarray(['ARG BASE=debian:bookworm', 'ARG IMAGE=debian', 'ARG TAG=bookworm']),
    stages: fc.array(stage, { minLength: 1, maxLength: 2 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    lowercase: fc.boolean(),
    tabs: fc.boolean(),
    /** Blanks at the end of line i (none past the array's end). */
    trailing: fc.array(fc.constantFrom('', '', '', '', ' ', '\t', '   '), { maxLength: 30 }),
  })
  .map(({ directives, args, stages, crlf, bom, finalNewline, lowercase, tabs, trailing }) => {
    const lines: string[] = [...directives, ...args];
    stages.forEach((s, i) => {
      const image = s.fromEarlier && i > 0 ? `stage${i - 1}` : s.image;
      const name = s.named || stages.some((later, j) => j > i && later.fromEarlier);
      lines.push(`FROM ${image}${name ? ` AS stage${i}` : ''}`, ...s.body);
    });
    let text = lines
      .join('\n')
      .split('\n')
      // Not after a heredoc delimiter: `EOF ` would no longer end the heredoc.
      .map((line, i) => (/^\t?(EOF|EOT|PY|A|B)$/.test(line) ? line : line + (trailing[i] ?? '')))
      .join('\n');
    if (lowercase) text = text.replace(/^(RUN|ENV|COPY|FROM) /gm, (k) => k.toLowerCase());
    if (tabs) text = text.replace(/^ {4}/gm, '\t');
    if (finalNewline) text += '\n';
    if (crlf) text = text.replace(/\n/g, '\r\n');
    if (bom) text = `\uFEFF${text}`;
    return { text };
  });
