#!/usr/bin/env node
// Runs the command line built to plain JavaScript in lib/ by `npm install` (the `prepare` script, scripts/build-cli.js):
// no TypeScript is compiled at run time.
import { existsSync } from 'node:fs';

const built = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('cluster-review: the command line is not built yet (lib/cli/main.js is missing). Run `npm install` in the project folder first.\n' + 'cluster-review：命令行尚未构建（缺少 lib/cli/main.js），请先在项目文件夹中运行 `npm install`。\n');
  process.exit(2);
}
// A reader that stops early (`cluster-review check … | head`) closes the pipe: the rest of the output has nowhere to go,
// which is no error of the tool's. Say nothing (no stack trace) and let the work finish; any other write error is real.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
