#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { nodeIo } from './io.js';
import { runCli } from './run.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
process.exitCode = runCli(
  process.argv.slice(2),
  nodeIo(),
  version,
);
