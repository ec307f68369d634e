import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyWorkspace, type CodeServer } from './code-server.js';
import { openPreview, startMoat } from './moat-editor.js';
import { problems } from './problems.js';
import { paymentsElements } from './samples.js';
import { openFile } from './workbench.js';

// Moat declares untrusted workspaces supported (package.json): it runs nothing from the folder, so a
// folder the user has not trusted still gets diagnostics and the preview.
let vscode: CodeServer;

beforeAll(async () => {
    vscode = await startMoat({ workspace: copyWorkspace('samples'), label: 'restricted-mode', restricted: true });
});

afterAll(async () => {
    await vscode?.stop();
});

test('the folder is open in Restricted Mode', async () => {
    await expect.poll(() => vscode.page.locator('#status\\.workspaceTrust').textContent()).toContain('Restricted Mode');
});

test('diagnostics reach the Problems panel', async () => {
    await openFile(vscode.page, 'invalid/self-flow.tm');
    const found = () => problems(vscode.page).then(list => list.map(problem => `${path.basename(problem.file)} ${problem.code}`));
    await expect.poll(found, { timeout: 90_000, interval: 2000 }).toEqual(expect.arrayContaining(['self-flow.tm self-flow', 'syntax-error.tm parsing-error']));
});

test('the preview draws every element of the model', async () => {
    await openFile(vscode.page, 'payments/model.tm');
    const preview = await openPreview(vscode.page);
    await expect.poll(() => preview.locator('.pane-dfd g.node').count()).toBe(paymentsElements().length);
    await vscode.screenshot('restricted-mode-preview');
});
