/*
 * The executable: runs `main` on this process's arguments and streams and sets the exit code. Loading this
 * module runs the CLI. bin/miaw-readiness.cjs loads it through tsx in the repository; the npm package
 * (packages/miaw-readiness) ships it bundled to JavaScript as its bin.
 */
import { main } from './main';

// `miaw-readiness | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
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
    (error: unknown) => {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.stderr.write(`error: internal error in miaw-readiness: ${detail}\n`);
        process.exitCode = 2;
    }
);
