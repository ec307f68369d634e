// One esbuild script for every bundle (DESIGN §2). Run after `langium generate` (npm run build).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

/**
 * One copy of the LSP protocol in the Node bundles. Langium's version range installs a newer
 * vscode-languageserver-protocol (with its own vscode-jsonrpc) than vscode-languageserver pins; with
 * both bundled, the connection did not recognise Langium's ResponseError and sent a cancelled
 * request's error as its result. Every import resolves as it does from vscode-languageserver.
 */
const oneLspProtocol = {
    name: 'one-lsp-protocol',
    setup(build) {
        let serverDir;
        build.onResolve({ filter: /^vscode-(jsonrpc|languageserver-protocol|languageserver-types)(\/.*)?$/ }, async args => {
            if (args.pluginData === 'one-lsp-protocol') return undefined;
            serverDir ??= path.dirname((await build.resolve('vscode-languageserver', { kind: 'import-statement', resolveDir: fileURLToPath(new URL('..', import.meta.url)) })).path);
            return build.resolve(args.path, { kind: args.kind, resolveDir: serverDir, pluginData: 'one-lsp-protocol' });
        });
    }
};

/** Node bundles: the language server, the CLI, the benchmark and the fuzzer, CommonJS, with the groupBy polyfill first. */
const nodeBundles = {
    entryPoints: { server: 'language-server/main.ts', cli: 'language-server/cli/main.ts', bench: 'bench/measure.ts', 'preview-bench': 'bench/preview-bench.ts', fuzz: 'fuzz/fuzz.ts', 'vscode-test-runner': 'test/vscode/run-tests.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    loader: { '.tmkb': 'text' },
    // The preview benchmark drives Chromium; playwright-core stays a package, never bundled.
    external: ['playwright-core', '@vscode/test-electron'],
    define: { MOAT_VERSION: JSON.stringify(version) },
    plugins: [oneLspProtocol],
    logLevel: 'warning'
};

/** The VS Code extension: like the Node bundles, for the extension host, which provides `vscode`. */
const extensionBundle = { ...nodeBundles, entryPoints: { extension: 'extension/src/extension.ts', 'vscode-suite': 'test/vscode/suite.ts' }, external: ['vscode'], loader: {}, define: {} };

/** Fails the build when browser code imports what a webview does not have (DESIGN: each runtime sees only its own). */
const browserOnly = {
    name: 'browser-only',
    setup(build) {
        build.onResolve({ filter: /^(vscode|langium|vscode-languageserver|vscode-languageclient)(\/.*)?$|^node:|^(fs|path|os|child_process)$/ }, args => ({
            errors: [{ text: `${args.importer} imports ${args.path}, which the webview does not have` }]
        }));
    }
};

/** The preview page and its layout worker: browser bundles, no Node, no vscode, no Langium. */
const webviewBundles = {
    entryPoints: { 'webview': 'webview/main.ts', 'layout-worker': 'webview/layout-worker.ts', 'preview': 'webview/preview.css' },
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    minify: true,
    sourcemap: true,
    plugins: [browserOnly],
    logLevel: 'warning'
};

const bundles = [nodeBundles, extensionBundle, webviewBundles];
if (watch) {
    for (const options of bundles) await (await esbuild.context(options)).watch();
} else {
    await Promise.all(bundles.map(options => esbuild.build(options)));
}
