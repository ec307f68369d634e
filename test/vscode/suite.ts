import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MoatApi } from '../../extension/src/extension.js';

/** Polls until the check passes or the time is up. */
async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await check();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

/** One step of the suite: its name and what it checks. */
const steps: [string, () => Promise<void>][] = [
    ['activates on a .tm file and starts the language server', async () => {
        const model = (await vscode.workspace.findFiles('model.tm'))[0];
        await vscode.window.showTextDocument(model);
        const api = await eventually(() => vscode.extensions.getExtension<MoatApi>('moat.moat')?.exports, 'the extension API');
        await api.ready;
    }],
    ['publishes diagnostics with Moat codes for a file with a problem', async () => {
        const folder = vscode.workspace.workspaceFolders![0].uri;
        const file = vscode.Uri.joinPath(folder, 'broken.tm');
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('actor User "User"\nprocess Worker "Worker"\nflow Loop: Worker -> Worker "Retry"\n'));
        await vscode.window.showTextDocument(file);
        const codes = await eventually(() => {
            const found = vscode.languages.getDiagnostics(file).map(diagnostic => typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));
            return found.includes('self-flow') ? found : undefined;
        }, 'the self-flow diagnostic');
        assert.ok(codes.includes('self-flow'));
    }],
    ['opens one preview per model and reveals it when asked again', async () => {
        const model = (await vscode.workspace.findFiles('model.tm'))[0];
        await vscode.window.showTextDocument(model);
        await vscode.commands.executeCommand('moat.openPreviewToSide');
        const api = vscode.extensions.getExtension<MoatApi>('moat.moat')!.exports;
        const panel = await eventually(() => api.previews()?.get(model.toString()), 'the preview panel');
        await eventually(() => panel.data, 'the preview data');
        assert.equal(panel.data!.diagram.nodes.length, 35);
        await vscode.commands.executeCommand('moat.openPreviewToSide');
        assert.equal(api.previews()?.get(model.toString()), panel);
    }]
];

/** The entry @vscode/test-electron calls inside VS Code: runs the steps in order, failing on the first that fails. */
export async function run(): Promise<void> {
    for (const [name, step] of steps) {
        try {
            await step();
            console.log(`✓ ${name}`);
        } catch (error) {
            console.log(`✗ ${name}`);
            throw error;
        }
    }
}
