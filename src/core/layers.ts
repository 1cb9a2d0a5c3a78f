/**
 * Layer-creating instructions of a Dockerfile: each RUN, COPY and ADD adds a filesystem layer to
 * the image (ONBUILD triggers run in a child image, so they do not count here).
 */
import type { DockerfileModel } from './model.js';

export interface LayerCount {
  RUN: number;
  COPY: number;
  ADD: number;
  total: number;
}

export function countLayers(model: DockerfileModel): LayerCount {
  const count: LayerCount = { RUN: 0, COPY: 0, ADD: 0, total: 0 };
  for (const node of model.instructions) {
    if (node.keyword === 'RUN' || node.keyword === 'COPY' || node.keyword === 'ADD') {
      count[node.keyword]++;
      count.total++;
    }
  }
  return count;
}
