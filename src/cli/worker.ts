/** A pool worker: processes a batch of files and returns their results (plain data). */
import { processFile, type FileResult, type FileTask } from './process-file.js';

export default async function processBatch(tasks: FileTask[]): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const task of tasks) results.push(await processFile(task));
  return results;
}
