// Preloaded by bench/process.ts (`node --import`): reports the process's peak memory and CPU time when it exits.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nbench-max-rss-kb=${u.maxRSS} bench-cpu-us=${u.userCPUTime + u.systemCPUTime}\n`);
});
