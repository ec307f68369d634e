import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyWorkspace, startCodeServer, type CodeServer } from './code-server.js';
import { problems } from './problems.js';
import { editorText, hoverAt, hoverOnText, openFile, runCommand } from './workbench.js';

// The harness's own checks, on languages VS Code has built in (TypeScript, JSON), so they hold with
// or without the Moat extension: if one fails after a code-server upgrade, a selector moved.
let vscode: CodeServer;

beforeAll(async () => {
    const workspace = copyWorkspace('samples/payments');
    fs.mkdirSync(path.join(workspace, 'js'));
    fs.writeFileSync(path.join(workspace, 'js', 'answer.js'), '// @ts-check\nconst answer = 42;\nanswer = 43;\nconst question = "six by nine";\n');
    // More problems than the panel shows at once: problems() must scroll through its virtual list.
    fs.writeFileSync(path.join(workspace, 'broken.json'), `[\n${Array.from({ length: 40 }, (_, i) => i).join('\n')}\n]\n`);
    vscode = await startCodeServer({ workspace, theme: 'dark', label: 'harness' });
});

afterAll(async () => {
    await vscode?.stop();
});

test('applies the theme from the user settings', async () => {
    // startCodeServer waited for the theme of the settings to replace the fallback light one.
    expect(await vscode.page.locator('.monaco-workbench.vs-dark').count()).toBe(1);
});

test('opens a file in a subfolder with Quick Open and reads its text', async () => {
    await openFile(vscode.page, 'js/answer.js');
    expect(await editorText(vscode.page)).toBe('// @ts-check\nconst answer = 42;\nanswer = 43;\nconst question = "six by nine";\n');
});

test('shows hovers by position and by text', async () => {
    expect(await hoverAt(vscode.page, 2, 8)).toContain('const answer: 42');
    expect(await hoverOnText(vscode.page, 'question')).toContain('const question: "six by nine"');
});

test('lists the problems of open files', async () => {
    await openFile(vscode.page, 'broken.json');
    const expected = ['answer.js:3:1 error ts', ...Array.from({ length: 39 }, (_, i) => `broken.json:${i + 3}:1 error json`)];
    await expect.poll(async () => (await problems(vscode.page)).map(p => `${path.basename(p.file)}:${p.line}:${p.column} ${p.severity} ${p.source}`).sort(), { timeout: 30_000 })
        .toEqual(expected.sort());
    await vscode.screenshot('harness-problems-dark');
});

test('runs a command from the palette', async () => {
    await runCommand(vscode.page, 'View: Toggle Maximized Panel');
    // Playwright's waitFor does the waiting (vitest's expect has no locator matchers).
    await vscode.page.locator('.monaco-workbench .part.editor').waitFor({ state: 'hidden' });
    await runCommand(vscode.page, 'View: Toggle Maximized Panel');
    await vscode.page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible' });
});
