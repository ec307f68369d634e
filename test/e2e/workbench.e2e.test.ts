import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyWorkspace, startCodeServer, type CodeServer } from './code-server.js';
import { REPO_ROOT } from './server.js';
import { editorText, openFile } from './workbench.js';

// The packaged extension when there is one (`npm run package`, or MOAT_VSIX); VS Code alone otherwise.
const vsix = process.env.MOAT_VSIX ?? [path.join(REPO_ROOT, 'moat.vsix')].find(file => fs.existsSync(file));

let vscode: CodeServer;

beforeAll(async () => {
    vscode = await startCodeServer({ workspace: copyWorkspace('samples/payments'), vsix, label: 'workbench' });
});

afterAll(async () => {
    await vscode?.stop();
});

test('opens the sample threat model in a real VS Code', async () => {
    await openFile(vscode.page, 'checkout.tm');
    const text = await editorText(vscode.page);
    const firstLines = fs.readFileSync(path.join(REPO_ROOT, 'samples/payments/checkout.tm'), 'utf8').split('\n').slice(0, 12);
    expect(text.split('\n').slice(0, 12)).toEqual(firstLines);
    expect(text).toContain('boundary ShopperDevice "Shopper\'s device" {');
    await vscode.screenshot('workbench-checkout');
});
