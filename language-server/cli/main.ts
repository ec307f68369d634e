import '../polyfills.js';
import { runMoat } from './program.js';

/** The `moat` executable: runs the command line with the process's streams and exits with its code. */
runMoat(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: text => process.stdout.write(`${text}\n`),
    stderr: text => process.stderr.write(`${text}\n`)
}).then(code => {
    process.exitCode = code;
});
