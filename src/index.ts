export {
  optimize,
  optimizeSync,
  initialize,
  type OptimizeOptions,
  type OptimizeResult,
} from './api.js';
export { builtinTransforms as transforms } from '../transforms/index.js';
export { defineTransform } from './core/transform.js';
export type {
  Transform,
  TransformMeta,
  TransformContext,
  Report,
  Estimate,
  Safety,
  Category,
  FileChange,
} from './core/transform.js';
export type { Finding, EngineError, ChangedFile } from './core/engine.js';
export type { BuildContext, Settings } from './core/context.js';
export type { LayerCount } from './core/layers.js';
export type { Selection } from './core/selection.js';
export type { Edit } from './core/edits.js';
export type { DockerfileModel, InstructionNode, Stage } from './core/model.js';
export { optimizeVerified, type VerifiedOptions, type VerifiedResult } from './verify/api.js';
export type { FileVerification, Culprit, VerifyStatus } from './verify/verify-file.js';
export { findBuilder } from './builder/detect.js';
export type { Builder, BuilderKind, ImageFacts } from './builder/types.js';
