#!/usr/bin/env node
'use strict';
// In-repository bin: runs the TypeScript CLI (cli/bin.ts) through tsx's CommonJS register API (no build step,
// no experimental-loader warnings). Paths are resolved from this file, so any working directory works. The
// npm package runs the same module compiled to JavaScript (packages/miaw-readiness, `npm run pack:cli`).
const path = require('node:path');
const { register } = require('tsx/cjs/api');

register();
require(path.join(__dirname, '..', 'cli', 'bin.ts'));
