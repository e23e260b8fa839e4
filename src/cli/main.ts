#!/usr/bin/env node
import { nodeIo } from './io.js';
import { runCli } from './run.js';

process.exitCode = runCli(process.argv.slice(2), nodeIo());
