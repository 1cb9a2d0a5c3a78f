/**
 * How the stages of a Dockerfile relate: which stage a stage is built on (`FROM <earlier stage>`),
 * which stages are built on it, and which image it ultimately starts from.
 */
import type { DockerfileModel, Stage } from './model.js';

/** The stage, then the stage it is built on, and so on back to the one that names a real image. */
export function lineageOf(stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | null = stage; s; s = s.parent) out.push(s);
  return out;
}

/** The base image of a stage, following `FROM <earlier stage>` back to a real image. */
export function baseImageOf(stage: Stage): string {
  const chain = lineageOf(stage);
  return chain[chain.length - 1].image ?? '';
}

/** Stages built on this one, directly or through others. */
export function descendantsOf(model: DockerfileModel, stage: Stage): Stage[] {
  return model.stages.filter((s) => s !== stage && lineageOf(s).includes(stage));
}

/**
 * Whether the stage's image configuration (WORKDIR, USER, CMD...) can be seen: it is the last
 * stage (what `docker build` produces without `--target`) or another stage is built on it.
 * A stage only used through `COPY --from` gives its files, not its configuration.
 */
export function configIsObservable(model: DockerfileModel, stage: Stage): boolean {
  return stage === model.stages[model.stages.length - 1] || descendantsOf(model, stage).length > 0;
}
