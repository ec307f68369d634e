import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../unit/helpers.js';

/** Debian's Chromium; playwright-core never downloads a browser. */
export const CHROMIUM = process.env.MOAT_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium, or fails saying how to install it. */
export async function launchChromium(): Promise<Browser> {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium) or set MOAT_CHROMIUM.`);
    return chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
}

/** A blank page with the real `mermaid` package loaded, configured as GitHub does (strict security). */
export async function mermaidPage(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: path.join(REPO_ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
    await page.evaluate(() => (window as unknown as { mermaid: { initialize(config: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    return page;
}

/** Renders a Mermaid text: its SVG, or the error Mermaid reports. */
export async function renderMermaid(page: Page, text: string): Promise<{ svg?: string; error?: string }> {
    return page.evaluate(async source => {
        const mermaid = (window as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        try {
            const { svg } = await mermaid.render(`diagram${Math.floor(Math.random() * 1e9)}`, source);
            return { svg };
        } catch (error) {
            return { error: error instanceof Error ? error.message : String(error) };
        }
    }, text);
}
