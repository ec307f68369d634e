// One esbuild script for every bundle (DESIGN §2). Run after `langium generate` (npm run build).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

/** Node bundles: the language server, the CLI, the benchmark and the fuzzer, CommonJS, with the groupBy polyfill first. */
const nodeBundles = {
    entryPoints: { server: 'language-server/main.ts', cli: 'language-server/cli/main.ts', bench: 'bench/measure.ts', fuzz: 'fuzz/fuzz.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    loader: { '.tmkb': 'text' },
    define: { MOAT_VERSION: JSON.stringify(version) },
    logLevel: 'warning'
};

if (watch) {
    const context = await esbuild.context(nodeBundles);
    await context.watch();
} else {
    await esbuild.build(nodeBundles);
}
