/**
 * The run-time configuration of the image a Dockerfile builds (its final stage, with what it
 * inherits from earlier stages it is built FROM): ENV, LABEL, USER, WORKDIR, EXPOSE, VOLUME and the
 * argv of ENTRYPOINT and CMD. A safe rewrite may change how layers are made, never this.
 *
 * Values are taken as written (no `$VAR` expansion): a rewrite that keeps them textually keeps them.
 * One equivalence is allowed, because it is how Docker runs them: a shell-form CMD/ENTRYPOINT whose
 * text is only plain literal words (`python app.py`) runs the same program with the same arguments
 * as the exec form of those words (`["python", "app.py"]`), so both are recorded as the words.
 * Used by the property tests and the corpus runner to check that safe rewrites keep it.
 */
import { JSONInstruction, Property, PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileModel, InstructionNode, Stage } from './model.js';

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

const PLAIN_WORDS = /^[A-Za-z0-9_./:=@%+,-]+( +[A-Za-z0-9_./:=@%+,-]+)*$/;

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
  for (const stage of chain) {
    for (const node of stage.instructions) {
      switch (node.keyword) {
        case 'ENV':
          Object.assign(config.env, propertiesOf(node));
          break;
        case 'LABEL':
          Object.assign(config.labels, propertiesOf(node));
          break;
        case 'USER':
          config.user = joined(node);
          break;
        case 'WORKDIR': {
          const dir = joined(node);
          config.workdir =
            dir.startsWith('/') || !config.workdir ? dir : `${config.workdir}/${dir}`;
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
          config.cmd = null; // Docker: setting ENTRYPOINT resets an inherited CMD
          break;
        case 'CMD':
          config.cmd = argvOf(node, shell);
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

function words(node: InstructionNode): string[] {
  return node.ast.getArguments().map((a) => a.getValue());
}

function jsonArgv(node: InstructionNode): string[] | null {
  const ast = node.ast;
  if (!(ast instanceof JSONInstruction) || ast.getOpeningBracket() === null) return null;
  if (ast.getClosingBracket() === null) return null;
  return ast.getJSONStrings().map((s) => s.getJSONValue());
}

function argvOf(node: InstructionNode, shell: string[]): string[] {
  const json = jsonArgv(node);
  if (json) return json;
  const text = joined(node);
  const words = text.replace(/\s+/g, ' ');
  return PLAIN_WORDS.test(words) ? words.split(' ') : [...shell, text];
}
