/**
 * The ordered registry of built-in transforms. Order is application order: when two fixes want
 * the same instruction in one pass, the earlier position in the file wins, then this order.
 */
import type { Transform } from '../src/core/transform.js';
import aptHygiene from './apt-hygiene/index.js';
import baseImage from './base-image/index.js';
import multiStage from './multi-stage/index.js';
import collapseRun from './collapse-run/index.js';
import maintainerToLabel from './maintainer-to-label/index.js';
import addToCopy from './add-to-copy/index.js';
import execForm from './exec-form/index.js';
import envKeyValue from './env-key-value/index.js';
import workdirAbsolute from './workdir-absolute/index.js';
import foldCleanup from './fold-cleanup/index.js';
import apkHygiene from './apk-hygiene/index.js';
import dnfYumHygiene from './dnf-yum-hygiene/index.js';
import zypperHygiene from './zypper-hygiene/index.js';
import pipHygiene from './pip-hygiene/index.js';
import nodeHygiene from './node-hygiene/index.js';
import gemHygiene from './gem-hygiene/index.js';
import copyOrder from './copy-order/index.js';
import copyOrderUnchecked from './copy-order-unchecked/index.js';
import dockerignore from './dockerignore/index.js';
import userChurn from './user-churn/index.js';
import wgetProgress from './wget-progress/index.js';
import casing from './casing/index.js';
import pipefail from './pipefail/index.js';
import cdToWorkdir from './cd-to-workdir/index.js';
import cacheMounts from './cache-mounts/index.js';
import aptKeepCache from './apt-keep-cache/index.js';
import foldArchive from './fold-archive/index.js';

export const builtinTransforms: readonly Transform[] = [
  aptHygiene,
  cacheMounts,
  aptKeepCache,
  foldCleanup,
  foldArchive,
  collapseRun,
  maintainerToLabel,
  addToCopy,
  execForm,
  envKeyValue,
  workdirAbsolute,
  baseImage,
  multiStage,
  apkHygiene,
  dnfYumHygiene,
  zypperHygiene,
  pipHygiene,
  nodeHygiene,
  gemHygiene,
  copyOrder,
  copyOrderUnchecked,
  dockerignore,
  userChurn,
  wgetProgress,
  casing,
  pipefail,
  cdToWorkdir,
];
