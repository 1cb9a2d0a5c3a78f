/**
 * The run-time configuration of the image a Dockerfile builds (its final stage, with what it
 * inherits from earlier stages it is built FROM): ENV, LABEL, USER, WORKDIR, EXPOSE, VOLUME and the
 * argv of ENTRYPOINT and CMD. A safe rewrite may change how layers are made, never this.
 *
 * Values are taken as written (no `$VAR` expansion): a rewrite that keeps them textually keeps them.
 * Equivalences that are how Docker runs them are allowed:
 *   - a shell-form CMD/ENTRYPOINT that is one command of literal words (`python app.py --ip='*'`,
 *     also after `exec`; see static-words.ts) runs the same program with the same arguments as the
 *     exec form of those words (`["python", "app.py", "--ip=*"]`), so both are recorded as the words;
 *   - WORKDIR is recorded resolved and cleaned (`WORKDIR src` after `/app` is `/app/src`), starting
 *     from the base image's WORKDIR when it is known (src/core/base-image.ts), else a placeholder;
 *   - `MAINTAINER x` (which fills the deprecated Author field) is recorded as the label
 *     `org.opencontainers.image.authors=x` (quotes around the whole name dropped), where the OCI
 *     image spec keeps that information now.
 * Used by the property tests and the corpus runner to check that safe rewrites keep it.
 */
import { Property, PropertyInstruction } from 'dockerfile-ast';
import { baseImageFacts } from './base-image.js';
import type { DockerfileModel, InstructionNode, Stage } from './model.js';
import { staticArgv } from './static-words.js';
import { cleanPath } from './workdir.js';

export interface ImageConfig {
  env: Record<string, string>;
  labels: Record<string, string>;
  user: string | null;
  workdir: string | null;
  expose: string[];
  volumes: string[];
  entrypoint: string[] | null;
  cmd: string[] | null;
}

export function finalStageConfig(model: DockerfileModel): ImageConfig | null {
  const final = model.stages[model.stages.length - 1];
  if (!final) return null;
  const chain: Stage[] = [];
  for (let s: Stage | null = final; s; s = s.parent) chain.unshift(s);
  const config: ImageConfig = {
    env: {},
    labels: {},
    user: null,
    workdir: null,
    expose: [],
    volumes: [],
    entrypoint: null,
    cmd: null,
  };
  let shell = ['/bin/sh', '-c'];
  config.workdir = baseImageFacts(chain[0].image ?? '').workdir ?? '<base image WORKDIR>';
  for (const stage of chain) {
    let cmdSetHere = false;
    for (const node of stage.instructions) {
      switch (node.keyword) {
        case 'ENV':
          Object.assign(config.env, propertiesOf(node));
          break;
        case 'LABEL':
          Object.assign(config.labels, propertiesOf(node));
          break;
        case 'MAINTAINER':
          config.labels['org.opencontainers.image.authors'] = unquoted(joined(node));
          break;
        case 'USER':
          config.user = joined(node);
          break;
        case 'WORKDIR': {
          const dir = joined(node);
          const path: string = dir.startsWith('/') ? dir : `${config.workdir}/${dir}`;
          config.workdir = path.startsWith('/') && !path.includes('$') ? cleanPath(path) : path;
          break;
        }
        case 'EXPOSE':
          config.expose.push(...words(node));
          break;
        case 'VOLUME':
          config.volumes.push(...(jsonArgv(node) ?? words(node)));
          break;
        case 'SHELL':
          shell = jsonArgv(node) ?? shell;
          break;
        case 'ENTRYPOINT':
          config.entrypoint = argvOf(node, shell);
          if (!cmdSetHere) config.cmd = null; // Docker: ENTRYPOINT resets a CMD set before this stage
          break;
        case 'CMD':
          config.cmd = argvOf(node, shell);
          cmdSetHere = true;
          break;
      }
    }
  }
  config.expose.sort();
  config.volumes.sort();
  return config;
}

function propertiesOf(node: InstructionNode): Record<string, string> {
  const out: Record<string, string> = {};
  const ast = node.ast;
  if (ast instanceof PropertyInstruction)
    for (const p of ast.getProperties() as Property[]) out[p.getName()] = p.getValue() ?? '';
  return out;
}

/** The arguments as Docker joins them: continuations and comment lines removed. */
function joined(node: InstructionNode): string {
  return (node.ast.getArgumentsContent() ?? '').trim();
}

/** `"Jane <j@x.org>"` → `Jane <j@x.org>`: the quotes people put around a MAINTAINER name. */
function unquoted(text: string): string {
  return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

function words(node: InstructionNode): string[] {
  return node.ast.getArguments().map((a) => a.getValue());
}

function jsonArgv(node: InstructionNode): string[] | null {
  return node.jsonArgv;
}

function argvOf(node: InstructionNode, shell: string[]): string[] {
  const json = jsonArgv(node);
  if (json) return json;
  const text = joined(node);
  return staticArgv(text) ?? [...shell, text];
}
