import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyWorkspace, type CodeServer } from './code-server.js';
import { answerInputBox, openPreview, startMoat } from './moat-editor.js';
import { clipboardText, notifications, openFile } from './workbench.js';

// The preview's exports, from its toolbar: Mermaid text on the clipboard, the picture as an SVG file.
let vscode: CodeServer;
let workspace: string;
let preview: FrameLocator;

beforeAll(async () => {
    workspace = copyWorkspace('samples/payments');
    vscode = await startMoat({ workspace, label: 'preview-toolbar' });
    await openFile(vscode.page, 'model.tm');
    preview = await openPreview(vscode.page);
});

afterAll(async () => {
    await vscode?.stop();
});

test('Copy Mermaid puts the diagram on the clipboard as a Mermaid flowchart', async () => {
    await vscode.page.evaluate(() => navigator.clipboard.writeText('not copied yet'));
    await preview.getByRole('button', { name: 'Copy Mermaid', exact: true }).click();
    await expect.poll(() => clipboardText(vscode.page), { timeout: 30_000 }).toMatch(/^flowchart /);
    expect(await clipboardText(vscode.page)).toContain('"Card vault"');
    await expect.poll(() => notifications(vscode.page)).toContain('Moat: the diagram is on the clipboard as Mermaid.');
});

/**
 * Clicks an export button and saves where a user would type: code-server's save dialog is VS Code's
 * simple file dialog, a quick input holding the path, which suggests `model.<extension>` next to the
 * model. Returns the file's bytes once written.
 */
async function exportThroughDialog(button: 'SVG' | 'PNG', extension: 'svg' | 'png'): Promise<Buffer> {
    await preview.getByRole('button', { name: button, exact: true }).click();
    const input = vscode.page.locator('.quick-input-widget .quick-input-box input');
    await expect.poll(() => input.inputValue(), { timeout: 30_000 }).toBe(path.join(workspace, `model.${extension}`));
    const name = `exported-diagram.${extension}`;
    const target = path.join(workspace, name);
    await answerInputBox(vscode.page, target);
    await expect.poll(() => notifications(vscode.page), { timeout: 30_000 }).toContain(`Moat: saved ${name}.`);
    return fs.readFileSync(target);
}

test('SVG saves the picture to the file chosen in the save dialog', async () => {
    const written = (await exportThroughDialog('SVG', 'svg')).toString('utf8');
    expect(written).toMatch(/^<svg\b[\s\S]*<\/svg>\s*$/);
    expect(written).toContain('Card vault');
});

test('PNG saves the picture, drawn on a canvas in the preview, to the file chosen in the save dialog', async () => {
    const bytes = await exportThroughDialog('PNG', 'png');
    // The PNG signature, then the IHDR chunk with the image's width and height.
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(100);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(100);
});
