#!/usr/bin/env node
// The `attain` command line. Runs the TypeScript sources directly through tsx's loader,
// so there is no build step between a checkout and a working command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv);
process.exitCode = code;
// A failed command must end even if something it opened (a pool, a timer) is still referenced.
if (code !== 0) setTimeout(() => process.exit(code), 2000).unref();
