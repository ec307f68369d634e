/**
 * Moat's own parts of the workbench, driven as a user does: the preview webview (nested iframes),
 * the quick-fix menu, the question prompt, the cursor position in the status bar.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startCodeServer, type CodeServer, type StartOptions } from './code-server.js';
import { REPO_ROOT } from './server.js';
import { runCommand } from './workbench.js';

const QUICK_INPUT = '.quick-input-widget';

/** The packaged extension: `npm run package` builds it (test:e2e does). */
export const VSIX = process.env.MOAT_VSIX ?? path.join(REPO_ROOT, 'moat.vsix');

/** Starts code-server with Moat installed from VSIX; fails at once, saying why, when it has not been packaged. */
export async function startMoat(options: Omit<StartOptions, 'vsix'>): Promise<CodeServer> {
    if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first (npm run test:e2e does).`);
    return startCodeServer({ ...options, vsix: VSIX });
}

/** The content of the (only) Moat preview: VS Code puts a webview's page in `iframe.webview` → `#active-frame`. */
export function previewFrame(page: Page): FrameLocator {
    return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Opens the preview of the active `.tm` editor beside it and waits until its diagram is drawn. */
export async function openPreview(page: Page): Promise<FrameLocator> {
    await runCommand(page, 'Moat: Open Preview to the Side');
    const frame = previewFrame(page);
    // The final layout, not the quick one drawn while ELK works.
    await frame.locator('.pane-dfd:not(.provisional) g.node').first().waitFor({ timeout: 60_000 });
    return frame;
}

/**
 * Opens the quick-fix menu (Ctrl+.) at the cursor and runs the action whose title contains
 * `title`, choosing it with the keyboard as a user would (the menu's rows move while it opens).
 */
export async function applyQuickFix(page: Page, title: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    const rows = page.locator('.action-widget .monaco-list-row.action');
    // Diagnostics and their actions arrive after the server's build: ask again until the fix is offered.
    while (Date.now() < deadline) {
        await page.keyboard.press('Control+.');
        await rows.first().waitFor({ timeout: 3000 }).catch(() => undefined);
        const titles = await rows.allTextContents();
        const index = titles.findIndex(text => text.includes(title));
        if (index >= 0) {
            for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
            await page.keyboard.press('Enter');
            await page.locator('.action-widget').waitFor({ state: 'hidden' });
            return;
        }
        await page.keyboard.press('Escape');
        await page.waitForTimeout(500);
    }
    throw new Error(`no quick fix titled "${title}" was offered`);
}

/** Picks the row of the open QuickPick whose label contains `label`. */
export async function pickQuickInput(page: Page, label: string): Promise<void> {
    const row = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`).filter({ hasText: label }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
}

/** The title of the open quick input, e.g. "Moat: STRIDE questions (2/188) · Repudiation · Shopper". */
export async function quickInputTitle(page: Page): Promise<string> {
    return (await page.locator(`${QUICK_INPUT} .quick-input-title`).textContent() ?? '').trim();
}

/** Types into the open InputBox and accepts it. */
export async function answerInputBox(page: Page, text: string): Promise<void> {
    const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await page.keyboard.press('Enter');
}

/** The cursor's line (1-based) as the status bar shows it ("Ln 12, Col 5"). */
export async function cursorLine(page: Page): Promise<number> {
    const text = await page.locator('#status\\.editor\\.selection').textContent() ?? '';
    return Number(/Ln (\d+)/.exec(text)?.[1] ?? Number.NaN);
}

/** The file name of the active editor tab. */
export async function activeTab(page: Page): Promise<string | null> {
    return page.locator('.editor-group-container.active .tabs-container .tab.active').first().getAttribute('data-resource-name');
}
