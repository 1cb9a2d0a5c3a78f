/**
 * The edits of a copy-order rewrite, once plan.ts has shown it safe: the broad COPY narrowed to the
 * manifests, and the source copied after the install, which stays where it was. With a `fetch`
 * plan, the dependencies are downloaded before the source arrives, in a RUN of their own.
 */
import type { CopySpec } from '../../src/core/copy.js';
import type { Edit } from '../../src/core/edits.js';
import type { DockerfileModel, InstructionNode } from '../../src/core/model.js';
import type { TransformContext } from '../../src/core/transform.js';
import type { ChainPlan } from './chain.js';
import { copyLines, type BroadCopy, type Manifest } from './manifests.js';

type EditsResult = { ok: true; edits: Edit[] } | { ok: false; reason: string };

export function buildEdits(
  ctx: TransformContext,
  spec: CopySpec,
  run: InstructionNode,
  plan: ChainPlan,
  broad: BroadCopy,
  resolution: { manifests: Manifest[]; after: string[] },
): EditsResult {
  const model = ctx.model;
  const copyText = model.text.slice(spec.node.start, spec.node.end);
  const lines = copyLines(broad, resolution.manifests);
  const flags = spec.flags.map((f) => `${f.text} `).join('');
  const edits: Edit[] = [
    {
      start: spec.args.start,
      end: spec.args.end,
      text: `${lines[0].sources.join(' ')} ${lines[0].dest}`,
    },
  ];
  const extra = lines
    .slice(1)
    .map((l) => `\n${spec.node.keywordText} ${flags}${l.sources.join(' ')} ${l.dest}`)
    .join('');
  if (extra) edits.push({ start: spec.node.end, end: spec.node.end, text: extra });

  const runKeyword = run.keywordText;
  if (plan.mode === 'fetch') {
    const carried: string[] = [];
    for (const flag of run.flags) {
      const type = /(?:^|,)type=([a-z]+)/.exec(flag.value ?? '')?.[1] ?? 'bind';
      if (flag.name === 'mount' && ['cache', 'secret', 'ssh', 'tmpfs'].includes(type))
        carried.push(flag.text);
      else
        return {
          ok: false,
          reason: `the build RUN has \`${flag.text}\`, which the download would need to share`,
        };
    }
    const install = plan.installs[0].install;
    const fetchRun = `${runKeyword} ${carried.map((f) => `${f} `).join('')}${[...plan.state, install.fetch!].join(' && ')}`;
    const at = commentBlockStart(model, run);
    edits.push({ start: at, end: at, text: `${fetchRun}\n${copyText}\n` });
    if (install.beforeBuild)
      edits.push({
        start: install.cmd.statement.start,
        end: install.cmd.statement.start,
        text: `${install.beforeBuild} && `,
      });
    return { ok: true, edits };
  }

  for (const { install } of plan.installs)
    if (install.append)
      edits.push({ start: install.cmd.node.end, end: install.cmd.node.end, text: install.append });
  const runFlags = run.flags.map((f) => `${f.text} `).join('');
  const head = [...plan.state, ...resolution.after];
  if (plan.restStart === null) {
    const tail = resolution.after.length ? `\n${runKeyword} ${runFlags}${head.join(' && ')}` : '';
    edits.push({ start: run.end, end: run.end, text: `\n${copyText}${tail}` });
    return { ok: true, edits };
  }
  const between = model.text.slice(plan.prefixEnd, plan.restStart);
  const escape = model.escapeChar === '`' ? '`' : '\\\\';
  if (!new RegExp(`^\\s*&&(\\s|${escape}\\s*\\n)*$`).test(between))
    return { ok: false, reason: 'comments inside the RUN sit where it would be split' };
  edits.push({
    start: plan.prefixEnd,
    end: plan.restStart,
    text: `\n${copyText}\n${runKeyword} ${runFlags}${head.map((h) => `${h} && `).join('')}`,
  });
  return { ok: true, edits };
}

/** Where the comment lines directly above an instruction begin (its own start if none). */
function commentBlockStart(model: DockerfileModel, node: InstructionNode): number {
  let line = node.firstLine;
  while (
    line > 0 &&
    /^\s*#/.test(model.lines.lineText(line - 1)) &&
    !model.comments.some((c) => c.line === line - 1 && c.insideInstruction)
  ) {
    const text = model.lines.lineText(line - 1);
    if (/^\s*#\s*(syntax|escape|check)\s*=/i.test(text) && line - 1 === 0) break;
    line--;
  }
  return model.lines.lineStart(line);
}
