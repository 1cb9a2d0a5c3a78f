import { From, Onbuild } from 'dockerfile-ast';
import type { Edit } from '../../src/core/edits.js';
import type { DockerfileModel, FlagNode, InstructionNode } from '../../src/core/model.js';
import { defineTransform } from '../../src/core/transform.js';

export default defineTransform({
  meta: {
    id: 'casing',
    title: 'Upper-case keywords, `AS` like `FROM`, lower-case stage names',
    description:
      'Instruction keywords (and ONBUILD triggers) in upper case, `AS` in the case of `FROM`, and stage names in lower case with every reference to them (`FROM <stage>`, `--from=`, `--mount=…,from=`) renamed the same way. Stage names are case-insensitive to Docker, so nothing about the build changes.',
    safety: 'safe',
    category: 'style',
    buildkit: ['ConsistentInstructionCasing', 'FromAsCasing', 'StageNameCasing'],
  },
  create(ctx) {
    const model = ctx.model;
    const stageNames = new Set(
      model.stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => !!n),
    );
    for (const node of model.instructions) {
      const edits: Edit[] = [];
      const did: string[] = [];
      const upper = (start: number, text: string) => {
        if (text === text.toUpperCase()) return;
        edits.push({ start, end: start + text.length, text: text.toUpperCase() });
        did.push(`\`${text}\` → \`${text.toUpperCase()}\``);
      };
      const lower = (start: number, text: string, what: string) => {
        if (text === text.toLowerCase()) return;
        edits.push({ start, end: start + text.length, text: text.toLowerCase() });
        did.push(`${what} \`${text}\` → \`${text.toLowerCase()}\``);
      };

      upper(node.start, node.keywordText);
      if (node.ast instanceof Onbuild) {
        const range = node.ast.getTriggerRange();
        const word = node.ast.getTriggerWord();
        if (range && word)
          upper(model.lines.offsetAt(range.start.line, range.start.character), word);
      }
      if (node.ast instanceof From) fromEdits(model, node, node.ast, stageNames, upper, lower);
      if (node.keyword === 'COPY' || node.keyword === 'RUN') {
        for (const flag of node.flags) referenceEdits(flag, stageNames, lower);
      }
      if (edits.length === 0) continue;
      ctx.report({ message: `casing: ${did.join(', ')}`, node, fix: edits });
    }
  },
});

function fromEdits(
  model: DockerfileModel,
  node: InstructionNode,
  from: From,
  stageNames: ReadonlySet<string>,
  upper: (start: number, text: string) => void,
  lower: (start: number, text: string, what: string) => void,
): void {
  const offset = (p: { line: number; character: number }) =>
    model.lines.offsetAt(p.line, p.character);
  const image = from.getImage();
  const imageRange = from.getImageRange();
  // `FROM <earlier stage>`: a reference, renamed with the stage.
  if (image && imageRange && stageNames.has(image.toLowerCase()) && node.stage?.parent)
    lower(offset(imageRange.start), image, 'stage reference');
  const nameRange = from.getBuildStageRange();
  const name = from.getBuildStage();
  if (!nameRange || !name || !imageRange) return;
  const between = model.text.slice(offset(imageRange.end), offset(nameRange.start));
  const as = /\bas\b/i.exec(between);
  if (as) upper(offset(imageRange.end) + as.index, as[0]);
  lower(offset(nameRange.start), name, 'stage name');
}

/** `--from=<stage>` and `--mount=…,from=<stage>,…` referring to a stage of this file. */
function referenceEdits(
  flag: FlagNode,
  stageNames: ReadonlySet<string>,
  lower: (start: number, text: string, what: string) => void,
): void {
  const eq = flag.text.indexOf('=');
  if (eq === -1) return;
  const valueStart = flag.start + eq + 1;
  const value = flag.text.slice(eq + 1);
  if (flag.name === 'from') {
    if (stageNames.has(value.toLowerCase())) lower(valueStart, value, 'stage reference');
    return;
  }
  if (flag.name !== 'mount') return;
  let at = 0;
  for (const field of value.split(',')) {
    const [key, ref] = [field.slice(0, field.indexOf('=')), field.slice(field.indexOf('=') + 1)];
    if (field.includes('=') && key.toLowerCase() === 'from' && stageNames.has(ref.toLowerCase()))
      lower(valueStart + at + key.length + 1, ref, 'stage reference');
    at += field.length + 1;
  }
}
