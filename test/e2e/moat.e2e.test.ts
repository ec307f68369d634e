import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyWorkspace, type CodeServer } from './code-server.js';
import { activeTab, answerInputBox, applyQuickFix, cursorLine, openPreview, pickQuickInput, previewFrame, startMoat } from './moat-editor.js';
import { problems } from './problems.js';
import { paymentsElements } from './samples.js';
import { editorText, goTo, hoverOnText, openFile, reloadWindow, runCommand } from './workbench.js';

/** The editor and the preview side by side, for the README: no side bar, no panel. */
async function tidyForScreenshot(vscode: CodeServer): Promise<void> {
    if (await vscode.page.locator('.part.sidebar').isVisible()) await runCommand(vscode.page, 'View: Close Primary Side Bar');
    if (await vscode.page.locator('.part.panel').isVisible()) await runCommand(vscode.page, 'View: Hide Panel');
    // Away from the tabs, whose tooltips would cover the picture.
    await vscode.page.mouse.move(640, 700);
    await vscode.page.waitForTimeout(800);
}

/** Moat installed from moat.vsix into a real VS Code (code-server), on a copy of samples/: what a user sees and does. */
describe('Moat in VS Code', () => {
    let vscode: CodeServer;
    let workspace: string;

    beforeAll(async () => {
        workspace = copyWorkspace('samples');
        vscode = await startMoat({ workspace, label: 'moat-light' });
    });
    afterAll(async () => {
        await vscode?.stop();
    });

    test('the language server\'s diagnostics reach the Problems panel, with their codes', async () => {
        await openFile(vscode.page, 'invalid/self-flow.tm');
        const found = () => problems(vscode.page).then(list => list.map(problem => `${path.basename(problem.file)} ${problem.code}`));
        await expect.poll(found, { timeout: 90_000, interval: 2000 }).toEqual(expect.arrayContaining([
            'self-flow.tm self-flow', 'syntax-error.tm parsing-error', 'unresolved-reference.tm linking-error', 'unmitigated-threat.tm unmitigated-threat'
        ]));
    });

    test('CodeLens above elements show their open threats and questions', async () => {
        await openFile(vscode.page, 'payments/checkout.tm');
        const lenses = () => vscode.page.locator('.monaco-editor .codelens-decoration').allTextContents();
        await expect.poll(lenses, { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ questions?$|open threats? · \d+ questions?$/)]));
    });

    test('hovering a threat shows its severity, status, STRIDE categories and mitigations', async () => {
        await openFile(vscode.page, 'payments/threats.tm');
        const hover = await hoverOnText(vscode.page, 'CheckoutSkimming "');
        expect(hover).toMatch(/Threat · high · mitigated · tampering/);
        expect(hover).toContain('Mitigated by');
    });

    test('a quick fix adds a mitigation stub to an unmitigated threat', async () => {
        await openFile(vscode.page, 'invalid/unmitigated-threat.tm');
        await goTo(vscode.page, 6, 8);
        await applyQuickFix(vscode.page, 'Add a mitigation stub');
        await expect.poll(() => editorText(vscode.page)).toContain('mitigated-by StoredXssMitigation');
        expect(await editorText(vscode.page)).toContain('mitigation StoredXssMitigation "Mitigate: Stored cross-site scripting in product reviews"');
    });

    test('the preview draws every element of the model, and a click on a node lands on its declaration', async () => {
        await openFile(vscode.page, 'payments/model.tm');
        const preview = await openPreview(vscode.page);
        const expected = paymentsElements();
        await expect.poll(() => preview.locator('.pane-dfd g.node').count()).toBe(expected.length);
        const drawn = await preview.locator('.pane-dfd g.node').evaluateAll(nodes => nodes.map(node => node.getAttribute('data-id')));
        expect(drawn.sort()).toEqual(expected.sort());
        await preview.getByRole('button', { name: 'Fit', exact: true }).click();
        await preview.locator('.pane-dfd g.node[data-id="CardVault"]').click();
        const file = fs.readdirSync(path.join(workspace, 'payments')).find(name => /datastore CardVault\b/.test(fs.readFileSync(path.join(workspace, 'payments', name), 'utf8')))!;
        const declared = fs.readFileSync(path.join(workspace, 'payments', file), 'utf8').split('\n').findIndex(line => /datastore CardVault\b/.test(line)) + 1;
        await expect.poll(() => activeTab(vscode.page)).toBe(file);
        await expect.poll(() => cursorLine(vscode.page)).toBe(declared);
        await preview.locator('.tab-trace').click();
        await preview.locator('.pane-trace g.row').first().waitFor();
        await tidyForScreenshot(vscode);
        await vscode.screenshot('editor-with-preview-light');
    });

    test('moving the cursor highlights the node', async () => {
        // The last click was in the preview: open the file in the first group, beside the preview, not over it.
        await runCommand(vscode.page, 'View: Focus First Editor Group');
        await openFile(vscode.page, 'payments/checkout.tm');
        await previewFrame(vscode.page).locator('.pane-dfd').waitFor({ state: 'attached' });
        const line = fs.readFileSync(path.join(workspace, 'payments/checkout.tm'), 'utf8').split('\n').findIndex(text => /process PaymentService\b/.test(text)) + 1;
        await goTo(vscode.page, line + 1, 3);
        await expect.poll(() => previewFrame(vscode.page).locator('.pane-dfd g.highlighted').getAttribute('data-id'), { timeout: 15_000 }).toBe('PaymentService');
    });

    test('the preview comes back after a window reload, with every element and the view it showed', async () => {
        await reloadWindow(vscode.page);
        // A new extension host starts the language server again: the restored panel waits for its data.
        const preview = previewFrame(vscode.page);
        await expect.poll(() => preview.locator('.pane-dfd g.node').count(), { timeout: 60_000 }).toBe(paymentsElements().length);
        // The Traceability view was chosen before the reload; the page keeps it in its webview state.
        expect(await preview.locator('.tab-trace').getAttribute('aria-pressed')).toBe('true');
        await preview.locator('.pane-trace g.row').first().waitFor();
    });

    test('a STRIDE question answered through the prompt is written into the model', async () => {
        await openFile(vscode.page, 'invalid/self-flow.tm');
        await runCommand(vscode.page, 'Moat: Ask STRIDE Questions', { opensQuickInput: true });
        await pickQuickInput(vscode.page, 'Answer…');
        await answerInputBox(vscode.page, 'Answered in the end-to-end test');
        // The prompt goes on with the next question: stop there, and save.
        await pickQuickInput(vscode.page, 'Stop');
        await vscode.page.keyboard.press('Control+S');
        await expect.poll(() => fs.readFileSync(path.join(workspace, 'invalid/self-flow.tm'), 'utf8'), { timeout: 15_000 })
            .toMatch(/answer [a-z-]+ "Answered in the end-to-end test"/);
    });
});

describe('Moat in VS Code\'s Markdown preview', () => {
    test('a ```tm fence is drawn as the model\'s DFD', async () => {
        const workspace = copyWorkspace('samples/payments');
        fs.writeFileSync(path.join(workspace, 'design.md'), '# Design\n\n```tm\nactor User "Shopper"\nprocess Web "Shop web app"\nflow User -> Web "Browse"\n```\n');
        const vscode = await startMoat({ workspace, label: 'moat-markdown' });
        try {
            await openFile(vscode.page, 'design.md');
            await runCommand(vscode.page, 'Markdown: Open Preview to the Side');
            const image = vscode.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('img[alt="Data-flow diagram of the threat model"]');
            await image.waitFor({ timeout: 60_000 });
            expect(await image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
            expect(await image.evaluate(element => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
        } finally {
            await vscode.stop();
        }
    });
});

describe('Moat in VS Code, dark theme', () => {
    test('the preview follows the colour theme', async () => {
        const vscode = await startMoat({ workspace: copyWorkspace('samples/payments'), theme: 'dark', label: 'moat-dark' });
        try {
            await openFile(vscode.page, 'model.tm');
            const preview = await openPreview(vscode.page);
            await tidyForScreenshot(vscode);
            const background = await preview.locator('body').evaluate(body => getComputedStyle(body).backgroundColor);
            const [red, green, blue] = (background.match(/\d+/g) ?? []).map(Number);
            expect(red + green + blue).toBeLessThan(3 * 80);
            await vscode.screenshot('editor-with-preview-dark');
        } finally {
            await vscode.stop();
        }
    });
});
