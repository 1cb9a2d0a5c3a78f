// Loaded with `node --import` by scripts/bench.js: on exit, reports the process's peak resident
// set size and CPU time (worker threads included: they are threads of this process) on stderr,
// and, when node runs with --expose-gc, the main thread's heap still in use after a full garbage
// collection: what the run keeps alive. Peak RSS also counts garbage V8 has not yet collected
// (it lets the heap grow lazily), so a bounded live heap is the test of "memory does not grow".
process.on('exit', () => {
  const usage = process.resourceUsage();
  let live = '';
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    live = ` live=${process.memoryUsage().heapUsed}`;
  }
  process.stderr.write(
    `\ndockopt-bench maxrss=${usage.maxRSS} cpu=${usage.userCPUTime + usage.systemCPUTime}${live}\n`,
  );
});
