/**
 * Drives VS Code's workbench the way a user does: keyboard shortcuts, Quick Open, the command palette.
 * Selectors are VS Code 1.100's DOM classes; each helper waits for the state it produced, so tests need
 * no sleeps. Everything asynchronous on VS Code's side (diagnostics, hovers) is polled, not awaited once.
 */
import type { Locator, Page } from 'playwright-core';

const QUICK_INPUT = '.quick-input-widget';
/** The editor that has focus, in the active editor group. */
const ACTIVE_EDITOR = '.editor-group-container.active .editor-container .monaco-editor';

/** The text of a Quick Open or command palette row's label, matched whole. */
function exactly(text: string): RegExp {
    return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Waits until the workbench is drawn in the colour theme of the user settings (it first paints with a fallback light theme, ~1 s before extensions' contributions are read). */
async function waitForTheme(page: Page): Promise<void> {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.monaco-workbench[class*="vscode-theme-"]').waitFor({ timeout: 60_000 });
}

/** Waits until a freshly opened window is usable: themed, and connected to the server (the explorer lists the folder). */
export async function waitForWorkbench(page: Page): Promise<void> {
    await waitForTheme(page);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/**
 * Reloads the window as VS Code does (Developer: Reload Window) and waits until the new window has
 * restored its editors. Not the browser's reload: VS Code's web build saves the editor layout and
 * webview states every few seconds when idle, and the save it starts while the page unloads does not
 * finish, so a browser reload brings back the window as it was at the last save; this command saves first.
 */
export async function reloadWindow(page: Page): Promise<void> {
    const loaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await loaded;
    await waitForTheme(page);
    await page.locator('.part.editor .tabs-container .tab').first().waitFor({ timeout: 60_000 });
}

/** Opens the quick input with `key` and replaces its text with `text` (which keeps or sets the prefix). */
async function quickInput(page: Page, key: string, text: string): Promise<Locator> {
    await page.keyboard.press(key);
    const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    return input;
}

/**
 * Runs a command by its palette title, e.g. 'View: Focus Problems (Errors, Warnings, Infos)'. A
 * command that opens a quick pick of its own (`opensQuickInput`) leaves the widget showing.
 */
export async function runCommand(page: Page, title: string, { opensQuickInput = false } = {}): Promise<void> {
    await quickInput(page, 'F1', `>${title}`);
    // Click the row whose label is exactly the title: the first row may be a recently used command.
    const label = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row .label-name`).filter({ hasText: exactly(title) });
    await label.first().click();
    if (!opensQuickInput) await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** Opens a workspace file through Quick Open (Ctrl+P) and waits until its editor tab is active and shows text. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop()!;
    await quickInput(page, 'Control+P', relativePath);
    // Results come from the server's file search (ripgrep): wait until the best match is this file.
    const focused = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row.focused .label-name`);
    await focused.filter({ hasText: exactly(name) }).waitFor();
    await page.keyboard.press('Enter');
    // The tab's label carries the file's full path: it tells a.tm from sub/a.tm.
    const tab = page.locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name="${name}"] .monaco-icon-label`);
    await tab.waitFor();
    // The label may go on with " • 2 problems in this file".
    const opened = (await tab.getAttribute('aria-label'))?.split(' • ')[0];
    if (!opened?.endsWith(`/${relativePath}`)) throw new Error(`Quick Open for ${relativePath} opened ${opened}`);
    await page.locator(`${ACTIVE_EDITOR} .view-lines .view-line`).first().waitFor();
}

/** The lines the active editor renders (only those scrolled into view), in order, spaces as typed. */
export async function editorText(page: Page): Promise<string> {
    return page.locator(`${ACTIVE_EDITOR} .view-lines`).first().evaluate(lines => {
        // Monaco reuses line elements when scrolling, so DOM order is not line order: sort by position.
        const rows = [...lines.querySelectorAll<HTMLElement>('.view-line')].sort((a, b) => a.offsetTop - b.offsetTop);
        return rows.map(row => (row.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
    });
}

/** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G). */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
    await quickInput(page, 'Control+G', `:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/** Shows the hover at a 1-based line and column of the active editor and returns its text ('' if none comes). */
export async function hoverAt(page: Page, line: number, column: number): Promise<string> {
    await goTo(page, line, column);
    return showHover(page);
}

/** Shows the hover on the first occurrence of `text` in the active editor (found with Ctrl+F) and returns its text. */
export async function hoverOnText(page: Page, text: string): Promise<string> {
    await quickFind(page, text);
    return showHover(page);
}

/** Selects the next match of `text` with the editor's find widget, then collapses the cursor to its start. */
async function quickFind(page: Page, text: string): Promise<void> {
    await page.keyboard.press('Control+F');
    const input = page.locator(`${ACTIVE_EDITOR} .find-widget .find-part textarea`);
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    // The match stays selected; Left puts the cursor at its first character, where the hover is asked.
    await page.keyboard.press('ArrowLeft');
}

/**
 * Runs Show or Focus Hover (Ctrl+K Ctrl+I) and waits for the content to settle past 'Loading...'.
 * A language server that is still starting answers no hover and none appears: ask again until one does.
 */
async function showHover(page: Page, timeoutMs = 30_000): Promise<string> {
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    const deadline = Date.now() + timeoutMs;
    let askedAt = 0;
    while (Date.now() < deadline) {
        const visible = await hover.isVisible();
        const text = visible ? ((await hover.textContent()) ?? '').trim() : '';
        if (text && !/^Loading\.\.\.$/.test(text)) return text;
        if (!visible && Date.now() - askedAt > 1000) {
            await page.keyboard.press('Control+K');
            await page.keyboard.press('Control+I');
            askedAt = Date.now();
        }
        await page.waitForTimeout(100);
    }
    return '';
}

/** The messages of the notifications on screen, e.g. "Moat: saved payments/model.svg.". */
export async function notifications(page: Page): Promise<string[]> {
    return page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
}

/** The text on the clipboard, as a paste would insert it (code-server.ts grants the page the clipboard). */
export async function clipboardText(page: Page): Promise<string> {
    return page.evaluate(() => navigator.clipboard.readText());
}
