import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { moat, REPO_ROOT } from '../unit/helpers.js';
import { launchChromium } from './chromium.js';

const RESULTS = path.join(REPO_ROOT, 'test-results');

/** Opens a local file in a new page, recording the dialogs it opens and the requests it makes beyond file://. */
async function openWatched(browser: Browser, file: string, viewport = { width: 1280, height: 720 }): Promise<{ page: Page; dialogs: string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport });
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    page.on('request', request => { if (!request.url().startsWith('file://')) requests.push(request.url()); });
    await page.goto(`file://${file}`);
    return { page, dialogs, requests };
}

/** The HTML report opened in Chromium as a reader would: it renders, runs nothing, and a screenshot is kept in test-results/. */
describe('the HTML report in Chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
        browser = await launchChromium();
        fs.mkdirSync(RESULTS, { recursive: true });
    });
    afterAll(async () => {
        await browser?.close();
    });

    test.each([['samples/payments', 'report-payments'], ['test/fixtures/hostile/hostile.tm', 'report-hostile']])('%s', async (target, name) => {
        const file = path.join(RESULTS, `${name}.html`);
        await moat('report', '-f', 'html', '-o', path.relative(REPO_ROOT, file), target);
        const { page, dialogs, requests } = await openWatched(browser, file, { width: 1280, height: 900 });
        const facts = await page.evaluate(() => ({
            scripts: document.querySelectorAll('script').length,
            handlers: [...document.querySelectorAll('*')].filter(element => [...element.attributes].some(attribute => attribute.name.startsWith('on'))).length,
            nodes: document.querySelectorAll('.diagram svg g.node').length,
            svgWidth: document.querySelector('.diagram svg')?.getBoundingClientRect().width ?? 0,
            title: document.title
        }));
        await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
        await page.close();
        expect(dialogs).toEqual([]);
        expect(requests).toEqual([]);
        expect(facts.scripts).toBe(0);
        expect(facts.handlers).toBe(0);
        expect(facts.nodes).toBeGreaterThan(2);
        expect(facts.svgWidth).toBeGreaterThan(200);
        expect(facts.title).toMatch(/^Threat model: /);
        expect(fs.statSync(path.join(RESULTS, `${name}.png`)).size).toBeGreaterThan(20_000);
    });

    test.each([
        ['test/fixtures/hostile/hostile.tm', 'dfd'], ['test/fixtures/hostile/hostile-preview.tm', 'dfd'], ['test/fixtures/hostile/hostile-preview.tm', 'trace']
    ])('moat render %s --view %s: the SVG opened on its own runs nothing and loads nothing', async (target, view) => {
        const file = path.join(RESULTS, `render-${path.basename(target, '.tm')}-${view}.svg`);
        await moat('render', target, '--view', view, '-o', path.relative(REPO_ROOT, file));
        const { page, dialogs, requests } = await openWatched(browser, file);
        const facts = await page.evaluate(() => ({
            pwned: (window as unknown as { pwned?: unknown }).pwned,
            scripts: document.querySelectorAll('script').length,
            foreign: document.querySelectorAll('foreignObject, iframe, img, image, a, style').length,
            handlers: [...document.querySelectorAll('*')].filter(element => [...element.attributes].some(attribute => /^on/i.test(attribute.name))).length,
            shapes: document.querySelectorAll('g[data-id]').length
        }));
        await page.close();
        expect(facts).toMatchObject({ pwned: undefined, scripts: 0, foreign: 0, handlers: 0 });
        expect(facts.shapes).toBeGreaterThan(2);
        expect(dialogs).toEqual([]);
        expect(requests).toEqual([]);
    });
});
