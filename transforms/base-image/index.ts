import type { Edit } from '../../src/core/edits.js';
import {
  fromImage,
  globalArg,
  imageNameText,
  repositoryOf,
  unquotedLiteral,
  wholeVariable,
  type FromImage,
} from '../../src/core/image-ref.js';
import { parseImageReference } from '../../src/core/base-image.js';
import { keywordCasedAs } from '../../src/core/layout.js';
import type { Stage } from '../../src/core/model.js';
import { defineTransform, type TransformContext } from '../../src/core/transform.js';
import { switchEstimate } from '../../src/data/image-sizes.js';
import { aptCommands, createsManDir, JAVA_PACKAGE, packageName } from '../../src/packages/apt.js';
import { prependCommand } from '../../src/core/run/extend.js';
import { apkName, planAlpine } from './alpine.js';
import { distrolessEligible } from './distroless.js';
import { loadMapping, matchImage, type Mapping, type Match } from './mapping.js';
import { aptInstalled, stageFamily } from '../../src/packages/installs.js';
import { toolNeeds } from './tools.js';

export default defineTransform({
  meta: {
    id: 'base-image',
    title: 'Smaller base images: slim variants, or alpine/distroless by policy',
    description:
      'Switches a base image to a smaller one of the same distribution family (python:3.12 → python:3.12-slim, debian:bookworm → debian:bookworm-slim, a JDK → a JRE in a runtime stage), or to alpine/distroless under --base-policy. Adds the apt packages the stage visibly uses that the smaller image lacks, or refuses.',
    safety: 'unsafe',
    category: 'size',
    options: {
      mapping: {
        type: 'object',
        default: {},
        description:
          'Entries tried before the shipped mapping.json: { "images": { "<image>": { "slim": "<image>", … } }, "rules": [ … ], "distroless": { "static": "<image>" } }.',
      },
      allowDistributionChange: {
        type: 'boolean',
        default: false,
        description:
          'Allow mappings that change the distribution (ubuntu:22.04 → debian:bookworm-slim, openjdk → eclipse-temurin).',
      },
    },
  },
  create(ctx) {
    const mapping = loadMapping(ctx.options.mapping);
    for (const stage of ctx.model.stages) {
      if (stage.parent) continue;
      const image = fromImage(ctx.model, stage);
      if (!image || image.text.toLowerCase() === 'scratch') continue;
      planStage(ctx, mapping, stage, image);
    }
  },
});

/** Where the new image text goes, and what can be said about it. */
interface Resolved {
  /** The reference as the build would see it by default. */
  image: string;
  edit(target: string, suffix: string | null): Edit | string;
  notes: string[];
}

function resolve(ctx: TransformContext, image: FromImage): Resolved | string {
  const text = image.text;
  if (!text.includes('$')) {
    return {
      image: text,
      edit: (target) => ({ start: image.span.start, end: image.span.end, text: target }),
      notes: [],
    };
  }
  const whole = wholeVariable(text);
  // `name:${TAG}`: a literal name with the whole tag from one build argument.
  const parts = /^([^$@]+):([^:@/]+)$/.exec(text);
  const tagVar = parts ? wholeVariable(parts[2]) : null;
  const variable = whole ?? tagVar;
  if (!variable)
    return 'the image is computed from build arguments in a way that cannot be followed';
  const arg = globalArg(ctx.model, variable);
  const value = arg?.value != null ? unquotedLiteral(arg.value) : null;
  if (!arg || value === null || !arg.valueSpan)
    return `the image comes from the build argument ${variable}, which has no literal default`;
  const cannotSee = `a value passed with --build-arg ${variable}=… at build time cannot be seen here and is not changed`;
  if (whole) {
    const uses = ctx.model.text.match(new RegExp(`\\$\\{?${variable}\\b`, 'g'))?.length ?? 0;
    if (uses > 1)
      return `the build argument ${variable} is used more than once, so its default cannot be changed for this stage alone`;
    const span = arg.valueSpan;
    return {
      image: value,
      edit: (target) => ({ start: span.start, end: span.end, text: target }),
      notes: [`changed the default of ARG ${variable}; ${cannotSee}`],
    };
  }
  return {
    image: `${parts![1]}:${value}`,
    edit: (_target, suffix) =>
      suffix && image.tagSpan
        ? { start: image.tagSpan.end, end: image.tagSpan.end, text: suffix }
        : `the tag comes from the build argument ${variable} and the new tag is not the old one plus a suffix`,
    notes: [`the tag comes from ARG ${variable} (default ${value}); ${cannotSee}`],
  };
}

function planStage(ctx: TransformContext, mapping: Mapping, stage: Stage, image: FromImage): void {
  const node = stage.from;
  const refuse = (why: string) =>
    ctx.report({ message: `base image ${image.text} kept: ${why}`, node });
  const isFinal = stage === ctx.model.stages[ctx.model.stages.length - 1];
  if (repositoryOf(image.text) === 'golang' && isFinal && ctx.model.stages.length === 1)
    return refuse('a Go toolchain image as the runtime: split the build with multi-stage instead');

  const resolved = resolve(ctx, image);
  if (typeof resolved === 'string') {
    if (wholeVariable(image.text) || matchImage(mapping, image.text.replace(/\$\{?\w+\}?/g, 'x')))
      refuse(resolved);
    return;
  }
  const current = parseImageReference(resolved.image);
  if (!current) return;
  const notes = [...resolved.notes];
  const name = imageNameText(resolved.image);
  let lookup = resolved.image;
  if (current.digest) {
    if (current.tag === null) {
      if (matchImage(mapping, name)) refuse('pinned by digest only, so its version cannot be read');
      return;
    }
    lookup = `${name}:${current.tag}`;
  }
  const match = matchImage(mapping, lookup);
  const choice = choose(ctx, mapping, stage, lookup, match, isFinal);
  if (choice === null) return;
  if (typeof choice === 'string') return refuse(choice);
  const policy = ctx.settings.basePolicy === 'alpine' ? 'alpine' : 'slim';
  const suffix = current.digest || !match ? null : match.suffix(policy);
  const imageEdit = resolved.edit(choice.target, suffix);
  if (typeof imageEdit === 'string') return refuse(imageEdit);
  if (current.digest)
    notes.push(
      `dropped the @${current.digest.slice(0, 14)}… digest pin: pin the digest of ${choice.target} again`,
    );
  const estimate = switchEstimate(lookup, choice.target);
  if (estimate && image.platform && !/amd64/.test(image.platform))
    notes.push(`the size estimate is for linux/amd64, the image is built for ${image.platform}`);
  const said = [...choice.did, ...notes, ...choice.caveats];
  const edits = [imageEdit, ...choice.edits];
  // The finding names every instruction the fix edits (an ARG default before FROM, RUN lines).
  const edited = ctx.model.instructions.filter((n) =>
    edits.some((e) => e.start <= n.end && e.end >= n.start),
  );
  ctx.report({
    message: `base image ${lookup} → ${choice.target} (${choice.how})${said.length ? `; ${said.join('; ')}` : ''}`,
    node: [node, ...edited.filter((n) => n !== node)],
    fix: edits,
    ...(estimate ? { estimate } : {}),
  });
}

interface Choice {
  target: string;
  how: string;
  /** Edits besides the image itself (packages added, apt lines translated). */
  edits: Edit[];
  did: string[];
  caveats: string[];
}

/** The image the policy picks for the stage, and what else must change; a string refuses. */
function choose(
  ctx: TransformContext,
  mapping: Mapping,
  stage: Stage,
  lookup: string,
  match: Match | null,
  isFinal: boolean,
): Choice | string | null {
  const family = stageFamily(ctx.model, stage);
  const distroless = mapping.distroless.static;
  if (
    ctx.settings.basePolicy === 'distroless' &&
    isFinal &&
    !match?.entry.runtimeOnly &&
    repositoryOf(lookup) !== repositoryOf(distroless)
  ) {
    const eligible = distrolessEligible(ctx.model, stage, ctx.shell);
    if (eligible.ok)
      return {
        target: distroless,
        how: `runs the static artifact ${eligible.artifact} only: no shell or package manager needed`,
        edits: [],
        did: [],
        caveats: [],
      };
    // Not eligible: a mapped image still gets its slim variant.
    if (!match) return `distroless policy: ${eligible.reason}`;
  }
  if (!match) return null;
  const p = ctx.settings.basePolicy === 'alpine' ? 'alpine' : 'slim';
  const target = match.target(p);
  if (!target) return `no ${p} equivalent of ${lookup} in the mapping table`;
  let how =
    p === 'alpine' ? 'switches to Alpine (musl libc, apk)' : 'same distribution, smaller variant';
  if (match.entry.changesDistribution) {
    if (!ctx.options.allowDistributionChange)
      return `${target} is a different distribution; allow it with the base-image option allowDistributionChange`;
    const installs = [...aptInstalled(family, ctx.shell).keys()];
    if (installs.length > 0)
      return `the stage installs packages (${installs.slice(0, 5).join(', ')}) whose names and versions may differ in ${target}`;
    how = 'a different distribution of the same generation (the stage installs no packages)';
  }
  if (match.entry.runtimeOnly && (!isFinal || family.length > 1))
    return 'a JRE fits only a final stage that nothing builds on';
  const toolsetName = match.entry.lostTools ?? 'none';
  const needs = toolNeeds(ctx.model, family, toolsetName, ctx.shell, ctx.buildContext);
  if (needs.blockers.length > 0) return `${needs.blockers[0]} (${target})`;
  const edits: Edit[] = [];
  const did: string[] = [];
  if (p === 'alpine') {
    const plan = planAlpine(family, ctx.shell);
    if (!plan.ok) return `alpine policy: ${plan.reason}`;
    edits.push(...plan.edits);
    if (plan.translated.length) did.push('translated the apt-get lines to apk');
  }
  if (needs.packages.length > 0) {
    const add = addPackages(ctx, stage, needs.packages, p, needs.firstNeed);
    if (typeof add === 'string') return add;
    edits.push(add.edit);
    did.push(`${add.how}: ${needs.reasons.join('; ')}`);
  }
  if (p === 'slim' && /debian|slim/.test(target)) {
    const java = javaManDir(ctx, family);
    if (typeof java === 'string') return java;
    if (java) {
      edits.push(java);
      did.push(
        'added `mkdir -p /usr/share/man/man1` (OpenJDK fails to configure on slim bases without it)',
      );
    }
  }
  return { target, how, edits, did, caveats: needs.caveats };
}

/**
 * Adds packages the smaller image lacks: to the stage's first apt-get install when it runs before
 * anything needs them, else in a new RUN right after FROM.
 */
function addPackages(
  ctx: TransformContext,
  stage: Stage,
  packages: string[],
  policy: 'slim' | 'alpine',
  firstNeed: number,
): { edit: Edit; how: string } | string {
  const names = policy === 'alpine' ? packages.map((p) => apkName(p)) : packages;
  const unknown = packages.filter((_p, i) => names[i] === undefined);
  if (unknown.length) return `needs ${unknown.join(', ')}, which has no known Alpine name`;
  const list = [...new Set(names.filter((n): n is string => !!n))];
  const from = stage.from;
  if (policy === 'slim') {
    for (const node of stage.instructions) {
      if (node.keyword !== 'RUN' || node.index > firstNeed) continue;
      const { script } = ctx.shell(node);
      const install = script
        ? aptCommands(script).find((a) => a.subcommand === 'install' && a.packages.length)
        : null;
      if (!install) continue;
      const last = install.packages[install.packages.length - 1];
      return {
        edit: { start: last.end, end: last.end, text: ` ${list.join(' ')}` },
        how: `added ${list.join(' ')} to the stage's apt-get install`,
      };
    }
  }
  const run = keywordCasedAs(from, 'RUN');
  const command =
    policy === 'alpine'
      ? `apk add --no-cache ${list.join(' ')}`
      : `apt-get update && apt-get install -y --no-install-recommends ${list.join(' ')} && rm -rf /var/lib/apt/lists/*`;
  return {
    edit: { start: from.end, end: from.end, text: `\n${run} ${command}` },
    how: `installs ${list.join(' ')} in a new RUN after FROM`,
  };
}

/** OpenJDK installed with apt on a slim base needs /usr/share/man/man1 (see apt-hygiene). */
function javaManDir(ctx: TransformContext, family: Stage[]): Edit | string | null {
  for (const stage of family)
    for (const node of stage.instructions) {
      if (node.keyword !== 'RUN') continue;
      const { script } = ctx.shell(node);
      if (!script) continue;
      const java = aptCommands(script).some(
        (a) =>
          a.subcommand === 'install' &&
          a.packages.some((w) => JAVA_PACKAGE.test(packageName(w.value) ?? '')),
      );
      if (!java || createsManDir(script)) continue;
      const mkdir = prependCommand(script, 'mkdir -p /usr/share/man/man1');
      return mkdir.ok
        ? mkdir.edit
        : `OpenJDK on a slim base needs /usr/share/man/man1: ${mkdir.reason}`;
    }
  return null;
}
