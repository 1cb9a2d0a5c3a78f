/**
 * What a transform is: metadata plus a `create(ctx)` function that reads the model and reports
 * findings. A finding may carry a fix: a list of text edits applied together or not at all.
 * Transforms never write text themselves; the engine decides what is applied.
 */
import type { Edit } from './edits.js';
import type { DockerfileModel, InstructionNode, Span } from './model.js';
import type { BuildContext, Settings } from './context.js';
import type { Source } from './source.js';
import type { ShellResult, ShellScript } from '../shell/script.js';
import type { BuildFacts, FactsQuestion } from './build-facts.js';

/** `safe`: cannot change what the build does. `unsafe`: may; off unless asked for by name or `--unsafe`. */
export type Safety = 'safe' | 'unsafe';
/** `style` transforms change nothing about the image and are off by default. */
export type Category = 'size' | 'cache' | 'practice' | 'style';

export interface OptionSpec {
  type: 'boolean' | 'string' | 'number' | 'string[]' | 'object';
  default: unknown;
  description: string;
  enum?: readonly string[];
}

export interface TransformMeta {
  /** kebab-case, equal to the transform's folder name. */
  id: string;
  title: string;
  description: string;
  safety: Safety;
  category: Category;
  /** Overrides the default (on when safe and not style). */
  defaultEnabled?: boolean;
  /** hadolint rule codes this transform answers: `# hadolint ignore=DL3059` also silences it. */
  hadolint?: readonly string[];
  /** BuildKit check names it answers (documentation only). */
  buildkit?: readonly string[];
  options?: Readonly<Record<string, OptionSpec>>;
}

/** An estimated saving, with where the number comes from. */
export interface Estimate {
  bytes: number;
  basis: string;
}

/** A whole file of the build context, as a transform wants it to be. */
export interface FileChange {
  /** Relative to the context root, `/`-separated. */
  path: string;
  text: string;
}

export interface Report {
  message: string;
  /** The instruction(s) the finding is about: locates it, and ignore comments on any of them apply. */
  node: InstructionNode | readonly InstructionNode[];
  /** The exact range to point at, when narrower than the instruction. */
  range?: Span;
  /** Edits applied together, or not at all. Absent: the transform explains but will not change it. */
  fix?: readonly Edit[];
  /**
   * New contents for files in the build context (e.g. `.dockerignore`), applied with `fix` or, on
   * their own, as a fix of their own. Later passes see them in `ctx.buildContext`.
   */
  files?: readonly FileChange[];
  estimate?: Estimate;
  /**
   * What a build of the original could tell that would let the transform act where it refuses now
   * (the program the entry point runs, the files a `make install` wrote). With `--build` the
   * command line builds, asks, and runs the transforms again with the answer in `ctx.buildFacts`.
   */
  question?: FactsQuestion;
}

export interface TransformContext {
  model: DockerfileModel;
  source: Source;
  /** This transform's options, defaults filled in. */
  options: Readonly<Record<string, unknown>>;
  /** Run-wide settings (cache strategy, base policy). */
  settings: Readonly<Settings>;
  /** The build context on disk, or null when unknown (stdin, API without a context). */
  buildContext: BuildContext | null;
  /**
   * What builds of the original told, by stage index, when the caller built it (`--build`);
   * null when it did not. Use them only for the stage they are about, and say so in the message.
   */
  buildFacts: BuildFacts | null;
  /** The RUN's parsed shell (cached per pass), or the reason it is not shell-parsed. */
  shell(node: InstructionNode): ShellResult;
  /**
   * An ignore comment (`# dockopt ignore=<id>`, or hadolint's for a code the transform answers)
   * exempts this instruction from this transform. The engine drops every report that touches such
   * an instruction; a transform that changes several instructions in one fix asks first, so that
   * one exempt instruction does not cost it the others.
   */
  ignored(node: InstructionNode): boolean;
  report(report: Report): void;
}

export interface Transform {
  meta: TransformMeta;
  create(ctx: TransformContext): void;
}

/**
 * Every RUN of the file whose shell parsed, with its script, in file order: the loop most
 * package-manager transforms start from. RUNs that are not shell-parsed (exec form, a non-POSIX
 * SHELL, a parse error) are skipped: a transform cannot prove anything about them.
 */
export function* shellRuns(
  ctx: TransformContext,
): Generator<{ node: InstructionNode; script: ShellScript }> {
  for (const stage of ctx.model.stages) {
    for (const node of stage.instructions) {
      if (node.keyword !== 'RUN') continue;
      const { script } = ctx.shell(node);
      if (script) yield { node, script };
    }
  }
}

export function defineTransform(transform: Transform): Transform {
  return transform;
}

export function isEnabledByDefault(meta: TransformMeta): boolean {
  return meta.defaultEnabled ?? (meta.safety === 'safe' && meta.category !== 'style');
}

/** Fills in option defaults and rejects unknown option names or wrongly typed values. */
export function resolveOptions(
  meta: TransformMeta,
  given: Record<string, unknown> = {},
): Record<string, unknown> {
  const specs = meta.options ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = spec.default;
  for (const [name, value] of Object.entries(given)) {
    const spec = specs[name];
    if (!spec) throw new Error(`transform ${meta.id} has no option "${name}"`);
    if (!matchesType(spec, value))
      throw new Error(
        `option ${meta.id}.${name} must be ${spec.enum ? `one of ${spec.enum.join(', ')}` : `a ${spec.type}`}`,
      );
    out[name] = value;
  }
  return out;
}

function matchesType(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'string':
      return typeof value === 'string' && (!spec.enum || spec.enum.includes(value));
    default:
      return typeof value === spec.type;
  }
}
