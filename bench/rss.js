// Preloaded by bench/process.ts (`node --import`): reports the process's peak memory when it exits.
process.on('exit', () => process.stderr.write(`\nbench-max-rss-kb=${process.resourceUsage().maxRSS}\n`));
