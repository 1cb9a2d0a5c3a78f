/** What a built image says about itself (issue 17): see gather.ts for the entry point. */
export { gatherFacts, type GatherRequest, type GatherResult } from './gather.js';
export {
  clearFactsCache,
  factsCacheDir,
  factsCacheKey,
  readFactsCache,
  writeFactsCache,
  type CachedFacts,
} from './cache.js';
export { diffListings, isNoise, parseListing, PRUNED_PATHS } from './fs-diff.js';
export { parseElf, bytesFromHex } from './elf.js';
export { parseOsRelease } from './os-release.js';
export { parseProbeOutput, probeArgv, type EntryRequest, type ProbeRequest } from './probe.js';
export { entryFacts, loaderRunsNeeded, parseLoaderList } from './program.js';
export * from './types.js';
