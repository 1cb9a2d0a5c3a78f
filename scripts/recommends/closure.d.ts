// Types of closure.js for the TypeScript tests (the scripts are plain JavaScript).
import type { RelationGroup, Stanza } from './indexes.js';
export interface Archive {
  packages: Map<string, unknown>;
  providers: Map<string, string[]>;
  programs: Map<string, string[]>;
  headers: Set<string>;
  base: Set<string>;
}
export interface Root {
  name: string;
  programs: string[];
  dev: boolean;
}
export function createArchive(
  stanzas: Stanza[],
  programsByPackage?: Map<string, string[]>,
  headerPackages?: Set<string>,
): Archive;
export function resolveGroup(
  archive: Archive,
  group: RelationGroup,
  installed?: Set<string>,
): string | null;
export function dependsClosure(archive: Archive, seeds: string[], stop?: Set<string>): Set<string>;
export function lostWithoutRecommends(archive: Archive, name: string): { roots: Root[] } | null;
