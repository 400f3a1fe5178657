#!/usr/bin/env node
// The CLI runs from its TypeScript sources through tsx, so `npm install` is all a reviewer needs: no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
