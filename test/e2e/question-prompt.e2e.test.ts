import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyWorkspace, type CodeServer } from './code-server.js';
import { pickQuickInput, quickInputTitle, startMoat } from './moat-editor.js';
import { openFile, runCommand } from './workbench.js';

// "Moat: Ask STRIDE Questions" walks the open questions of a file one quick pick at a time; its title
// says where the walk is: "Moat: STRIDE questions (2/188) · Repudiation · Shopper".
let vscode: CodeServer;

beforeAll(async () => {
    vscode = await startMoat({ workspace: copyWorkspace('samples/payments'), label: 'question-prompt' });
});

afterAll(async () => {
    await vscode?.stop();
});

/** Waits until the prompt shows the question at `position` and returns its title. */
async function promptAt(position: number): Promise<string> {
    const at = new RegExp(`^Moat: STRIDE questions \\(${position}/\\d+\\) · `);
    await expect.poll(() => quickInputTitle(vscode.page), { timeout: 30_000 }).toMatch(at);
    return quickInputTitle(vscode.page);
}

test('Skip asks the next question, Back the previous one, and after Stop the prompt resumes where it stopped', async () => {
    const page = vscode.page;
    await openFile(page, 'checkout.tm');
    await runCommand(page, 'Moat: Ask STRIDE Questions', { opensQuickInput: true });
    const first = await promptAt(1);
    const choices = () => page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allTextContents();
    expect((await choices()).some(choice => choice.includes('Back'))).toBe(false);
    await pickQuickInput(page, 'Skip');
    const second = await promptAt(2);
    expect(second).not.toBe(first);
    await pickQuickInput(page, 'Back');
    expect(await promptAt(1)).toBe(first);
    await pickQuickInput(page, 'Skip');
    expect(await promptAt(2)).toBe(second);
    await pickQuickInput(page, 'Stop');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    // Asked again, the prompt starts at the question where it stopped, not at the first one.
    await runCommand(page, 'Moat: Ask STRIDE Questions', { opensQuickInput: true });
    expect(await promptAt(2)).toBe(second);
    await pickQuickInput(page, 'Stop');
});
