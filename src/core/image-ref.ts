/**
 * Image references in FROM lines: where the image and its tag sit in the text, and what a global
 * `ARG` default makes of a `FROM ${BASE}`. Parsing a reference is `parseImageReference`
 * (base-image.ts); this adds positions and build arguments. Shared by the transforms that choose
 * or change base images.
 */
import { Arg, From } from 'dockerfile-ast';
import { parseImageReference } from './base-image.js';
import type { DockerfileModel, InstructionNode, Span, Stage } from './model.js';

/** The image text without its `@digest` and `:tag` (registry and path as written). */
export function imageNameText(image: string): string {
  const name = image.split('@')[0];
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}

/** `python`, `gcr.io/distroless/static` (Docker Hub's implicit parts removed), or null. */
export function repositoryOf(image: string): string | null {
  const ref = parseImageReference(image);
  return ref ? (ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository) : null;
}

export interface FromImage {
  node: InstructionNode;
  /** The image argument as written (`python:3.12@sha256:…`, `${BASE}`). */
  text: string;
  span: Span;
  /** Span of the tag when one is written. */
  tagSpan: Span | null;
  platform: string | null;
}

/** The image argument of a stage's FROM, with offsets; null when FROM names no image. */
export function fromImage(model: DockerfileModel, stage: Stage): FromImage | null {
  const ast = stage.from.ast;
  if (!(ast instanceof From)) return null;
  const range = ast.getImageRange();
  if (!range) return null;
  const span = {
    start: model.lines.offsetAt(range.start.line, range.start.character),
    end: model.lines.offsetAt(range.end.line, range.end.character),
  };
  const tagRange = ast.getImageTagRange();
  const tagSpan = tagRange
    ? {
        start: model.lines.offsetAt(tagRange.start.line, tagRange.start.character),
        end: model.lines.offsetAt(tagRange.end.line, tagRange.end.character),
      }
    : null;
  return {
    node: stage.from,
    text: model.text.slice(span.start, span.end),
    span,
    tagSpan,
    platform: ast.getPlatformFlag()?.getValue() ?? null,
  };
}

export interface GlobalArg {
  node: InstructionNode;
  name: string;
  /** The default as written (quotes included), and where it is; null when the ARG has none. */
  value: string | null;
  valueSpan: Span | null;
}

/** The last `ARG name[=default]` before the first FROM (the one FROM lines see). */
export function globalArg(model: DockerfileModel, name: string): GlobalArg | null {
  let found: GlobalArg | null = null;
  for (const node of model.instructions) {
    if (node.keyword === 'FROM') break;
    if (node.keyword !== 'ARG' || !(node.ast instanceof Arg)) continue;
    const property = node.ast.getProperty();
    if (!property || property.getName() !== name) continue;
    const range = property.getValueRange();
    const valueSpan = range
      ? {
          start: model.lines.offsetAt(range.start.line, range.start.character),
          end: model.lines.offsetAt(range.end.line, range.end.character),
        }
      : null;
    found = {
      node,
      name,
      value: valueSpan ? model.text.slice(valueSpan.start, valueSpan.end) : null,
      valueSpan,
    };
  }
  return found;
}

/** `${NAME}` or `$NAME` as the whole text: the variable's name, else null. */
export function wholeVariable(text: string): string | null {
  return (
    /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(text)?.[1] ??
    /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(text)?.[1] ??
    null
  );
}

/** An ARG value without surrounding quotes, or null when it has other expansions. */
export function unquotedLiteral(value: string): string | null {
  const v = /^"(.*)"$/.exec(value)?.[1] ?? /^'(.*)'$/.exec(value)?.[1] ?? value;
  return /[$\s\\]/.test(v) ? null : v;
}
