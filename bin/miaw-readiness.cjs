#!/usr/bin/env node
'use strict';
// npm bin shim: runs the TypeScript CLI through tsx's CommonJS register API (no build step, no
// experimental-loader warnings). Paths are resolved from this file, so any working directory works.
const path = require('node:path');
const { register } = require('tsx/cjs/api');

register();
const { main } = require(path.join(__dirname, '..', 'cli', 'main.ts'));

// `miaw-readiness | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
});

main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd()
}).then(
    (code) => {
        process.exitCode = code;
    },
    (error) => {
        process.stderr.write(`error: internal error in miaw-readiness: ${(error && error.stack) || error}\n`);
        process.exitCode = 2;
    }
);
