/**
 * `--build`: answering what transforms ask. A file whose findings carry questions (`Finding.question`:
 * a stage to build, what to ask its image) has each asked stage built with the user's builder and
 * probed (src/facts, cached on disk), then is processed again with the answers (`buildFacts`).
 *
 * A rewrite that differs from the first run's because of those answers rests on what a build
 * told, not on the text alone: with `--write` it is written only once it builds and passes a check
 * (the user's `--smoke`, else the default check of src/verify/entry-check.ts), and otherwise the
 * first run's result is written instead (itself under `--verify` when that was asked). Files are
 * handled one at a time, in the main thread.
 */
import { existsSync } from 'node:fs';
import { logTail } from '../builder/process.js';
import { BuilderError, type Builder } from '../builder/types.js';
import type { BuildFacts, FactsQuestion, StageAnswer, StageFacts } from '../core/build-facts.js';
import type { Finding } from '../core/engine.js';
import { gatherFacts } from '../facts/gather.js';
import { contextRootFor } from '../fs/build-context.js';
import { entryCheck, type ImageCheck } from '../verify/entry-check.js';
import type { BuilderLookup } from './builder-lookup.js';
import { describeQuestion, summarizeFacts } from './facts-summary.js';
import type { Io } from './io.js';
import type { CliOptions } from './options.js';
import { displayPath } from './output.js';
import {
  processFile,
  type FileBuildInfo,
  type FileResult,
  type FileSettings,
} from './process-file.js';

/** What settling needs of a verify session (verify.ts): build a rewrite with the original, check it. */
export interface InformedVerifier {
  checkInformed(
    result: FileResult,
    settings: FileSettings,
    how: { smoke: string } | { check: ImageCheck },
  ): Promise<{ status: string; reason?: string }>;
}

/** A file after `--build`: its first run, and the run with build facts when there was one. */
export interface Learned {
  first: FileResult;
  /** The run with build facts (the first run when nothing was asked or nothing could be built). */
  result: FileResult;
  answers: BuildFacts;
  /** The run with build facts rewrites the file differently from the first run. */
  informed: boolean;
}

/** What to write (or report) for a file, and whether it was verified already. */
export interface Settled {
  result: FileResult;
  /** Built and checked here: `--verify` need not build it again. */
  verified: boolean;
  /** The build-informed rewrite was built and failed (or could not be checked): how, and why. */
  failed?: { status: string; reason: string };
}

export class BuildSession {
  /** A build-informed rewrite failed its check and the first run's result was taken instead. */
  rolledBack = false;

  constructor(
    private readonly lookup: BuilderLookup,
    private readonly options: CliOptions,
    private readonly io: Io,
  ) {}

  /** Gathers the facts the file's findings ask for, and processes it again with them. */
  async learn(first: FileResult, settings: FileSettings): Promise<Learned> {
    const unchanged: Learned = { first, result: first, answers: {}, informed: false };
    if (first.status === 'error' || first.status === 'skipped' || first.original === undefined)
      return unchanged;
    const questions = questionsByStage(first.findings);
    if (questions.size === 0) return unchanged;

    const builder = await this.lookup.forFacts();
    if (typeof builder === 'string')
      return { ...unchanged, result: withError(first, `--build: ${builder}`) };
    const answers: Record<number, StageAnswer> = {};
    const cached = new Set<number>();
    const errors: string[] = [];
    for (const [stage, question] of questions) {
      try {
        const { answer, fromCache } = await this.ask(first, stage, question, builder);
        answers[stage] = answer;
        if (fromCache) cached.add(stage);
      } catch (error) {
        // No builder, or one that cannot run a container at all: an error of the run (not of the
        // stage), and nothing is cached, so the next run tries again.
        if (!(error instanceof BuilderError)) throw error;
        answers[stage] = { ok: false, reason: error.message };
        errors.push(`--build: stage ${stage}: ${error.message}`);
      }
    }
    const second = await processFile({
      path: first.path,
      name: first.name,
      stdinText: first.original,
      settings,
      buildFacts: answers,
    });
    const result: FileResult = {
      ...second,
      errors: [...second.errors, ...errors],
      ...(first.file ? { file: first.file } : {}),
      build: buildInfo(answers, cached, informedFindings(first.findings, second.findings)),
    };
    return { first, result, answers, informed: rewriteKey(result) !== rewriteKey(first) };
  }

  /**
   * The result to go on with. A build-informed rewrite, with a verifier (`--write`, `dockopt
   * verify`): built with the original and checked; when that fails, the first run's result is
   * taken instead (`writing`: that is what gets written). Without one (a dry run, `--check`) it
   * is shown as it is, with a note that it was not verified.
   */
  async settle(
    learned: Learned,
    settings: FileSettings,
    verifier: InformedVerifier | null,
    writing: boolean,
  ): Promise<Settled> {
    const { first, result } = learned;
    if (!learned.informed) return { result, verified: false };
    const told = this.told(learned);
    if (!verifier) {
      this.note(
        result,
        `this rewrite rests on what the build told (${told}); it is not verified: --write builds it and checks it before writing`,
      );
      return { result: withRewrite(result, 'not-verified'), verified: false };
    }
    const how = this.checkFor(learned);
    const verification =
      'cannot' in how
        ? { status: 'cannot', reason: `it cannot be checked: ${how.cannot}; give --smoke` }
        : await verifier.checkInformed(result, settings, how);
    if (verification.status === 'ok')
      return { result: withRewrite(result, 'verified'), verified: true };

    this.rolledBack = true;
    const by = [...new Set(fixedBy(result, result.build?.informed ?? []))].join(', ') || 'the run';
    const fails = verification.status === 'original-failed' ? 'cannot be verified' : 'fails';
    this.note(
      result,
      `${writing ? 'not applied: ' : ''}what the build told (${told}) led ${by} to a rewrite that ${fails}: ${verification.reason ?? verification.status}${writing ? '\nwritten instead: the rewrite made without build facts' : ''}`,
    );
    const rolledBack: FileResult = {
      ...first,
      build: { ...result.build!, informed: [], rewrite: 'rolled-back' },
    };
    return {
      result: rolledBack,
      verified: false,
      failed: { status: verification.status, reason: verification.reason ?? verification.status },
    };
  }

  private async ask(
    file: FileResult,
    stage: number,
    question: FactsQuestion,
    builder: Builder,
  ): Promise<{ answer: StageAnswer; fromCache: boolean }> {
    const verbose = this.options.verbose;
    let announced = false;
    // A cached answer builds nothing: the first output of a build is the moment to say so.
    const onOutput = (chunk: string) => {
      if (!announced) {
        announced = true;
        this.note(file, `building stage ${stage} to learn ${describeQuestion(question)}`);
      }
      if (verbose) this.io.stderr(chunk);
    };
    const ownIgnore = `${file.path}.dockerignore`;
    const answer = await gatherFacts({
      builder,
      stage: question.stageText,
      before: question.beforeText,
      context: contextRootFor(file.path, this.options.context),
      contextFiles: question.contextFiles,
      entry: question.entry,
      ...(question.checks ? { checks: question.checks } : {}),
      buildArgs: this.options.verification.buildArgs,
      ...(existsSync(ownIgnore) ? { ignoreFile: ownIgnore } : {}),
      cache: { refresh: this.options.verification.refreshFacts },
      onOutput,
    });
    if (answer.fromCache)
      this.note(file, `stage ${stage}: facts from cache${answer.ok ? '' : ' (it did not build)'}`);
    const { fromCache } = answer;
    if (!answer.ok) {
      const reason = `the stage does not build: ${logTail(answer.log, 5)}`;
      if (!fromCache) this.note(file, `stage ${stage}: ${reason}`);
      return { answer: { ok: false, reason }, fromCache };
    }
    return { answer: { ok: true, facts: answer.facts, fromCache }, fromCache };
  }

  /** The user's smoke command, else the default check from the facts of the entry point. */
  private checkFor(
    learned: Learned,
  ): { smoke: string } | { check: ImageCheck } | { cannot: string } {
    const smoke = this.options.verification.smoke;
    if (smoke !== undefined) return { smoke };
    const facts = entryFactsOf(learned.answers);
    if (!facts) return { cannot: 'no build told what the entry point is' };
    const check = entryCheck(facts);
    return 'cannot' in check ? check : { check };
  }

  private told(learned: Learned): string {
    return Object.entries(learned.answers)
      .map(([stage, answer]) =>
        answer.ok
          ? `stage ${stage}: ${summarizeFacts(answer.facts)}`
          : `stage ${stage}: ${answer.reason.split('\n')[0]}`,
      )
      .join('; ');
  }

  private note(result: FileResult, message: string): void {
    this.io.stderr(`dockopt: ${displayPath(result.name)}: ${message}\n`);
  }
}

/**
 * One question per stage. Two transforms asking about the same stage get one build: the first
 * question's texts, every path either checks, the first entry point given.
 */
export function questionsByStage(findings: readonly Finding[]): Map<number, FactsQuestion> {
  const byStage = new Map<number, FactsQuestion>();
  for (const { question } of findings) {
    if (!question) continue;
    const known = byStage.get(question.stage);
    if (!known) {
      byStage.set(question.stage, question);
      continue;
    }
    const checks = [...new Set([...(known.checks ?? []), ...(question.checks ?? [])])];
    byStage.set(question.stage, {
      ...known,
      beforeText: known.beforeText ?? question.beforeText,
      contextFiles: [...new Set([...known.contextFiles, ...question.contextFiles])],
      entry: known.entry ?? question.entry,
      ...(checks.length ? { checks } : {}),
    });
  }
  return new Map([...byStage].sort(([a], [b]) => a - b));
}

/** The facts the default check starts from: the last stage asked about whose entry point is known. */
function entryFactsOf(answers: BuildFacts): StageFacts | null {
  const stages = Object.keys(answers)
    .map(Number)
    .sort((a, b) => b - a);
  for (const stage of stages) {
    const answer = answers[stage];
    if (answer.ok && answer.facts.entry) return answer.facts;
  }
  return null;
}

/** Indexes of the findings the run with build facts made that the run without them did not. */
function informedFindings(before: readonly Finding[], after: readonly Finding[]): number[] {
  const key = (f: Finding) => `${f.transform}\0${f.status}\0${f.start}\0${f.end}\0${f.message}`;
  const seen = new Set(before.map(key));
  return after.flatMap((finding, index) => (seen.has(key(finding)) ? [] : [index]));
}

function fixedBy(result: FileResult, informed: readonly number[]): string[] {
  return informed
    .map((index) => result.findings[index])
    .filter((f) => f?.status === 'fixed')
    .map((f) => f.transform);
}

function buildInfo(
  answers: BuildFacts,
  cached: ReadonlySet<number>,
  informed: number[],
): FileBuildInfo {
  return {
    stages: Object.entries(answers).map(([stage, answer]) => ({
      stage: Number(stage),
      ok: answer.ok,
      fromCache: cached.has(Number(stage)),
      told: answer.ok ? summarizeFacts(answer.facts) : answer.reason,
    })),
    informed,
    rewrite: 'same',
  };
}

function withRewrite(result: FileResult, rewrite: FileBuildInfo['rewrite']): FileResult {
  return result.build ? { ...result, build: { ...result.build, rewrite } } : result;
}

function withError(result: FileResult, message: string): FileResult {
  return { ...result, errors: [...result.errors, message] };
}

/** What the builds see of a result: the Dockerfile and the ignore file it changes. */
export function rewriteKey(result: FileResult): string {
  const ignore = result.files?.find((f) => f.path.endsWith('.dockerignore'));
  return `${result.output ?? result.original ?? ''}\0${ignore?.after ?? ''}`;
}
