import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * `npm run test:vscode`: the API-level suite in a desktop VS Code that @vscode/test-electron
 * downloads from Microsoft (so it needs that network access; CI here runs `npm run test:e2e` in
 * code-server instead). The extension is loaded from this repository's `dist/`, on a copy of
 * samples/payments.
 */
async function main(): Promise<void> {
    const root = path.resolve(__dirname, '..');
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-vscode-'));
    fs.cpSync(path.join(root, 'samples', 'payments'), workspace, { recursive: true });
    try {
        await runTests({
            version: process.env.MOAT_VSCODE_VERSION ?? 'stable',
            extensionDevelopmentPath: root,
            extensionTestsPath: path.join(root, 'dist', 'vscode-suite.cjs'),
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust']
        });
    } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
    }
}

main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
