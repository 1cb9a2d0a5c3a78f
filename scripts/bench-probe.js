// Loaded with `node --import` by scripts/bench.js: on exit, reports the process's peak resident
// set size and CPU time (worker threads included: they are threads of this process) on stderr.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `\ndockopt-bench maxrss=${usage.maxRSS} cpu=${usage.userCPUTime + usage.systemCPUTime}\n`,
  );
});
