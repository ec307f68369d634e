import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as os from 'node:os';
import { mermaidBlocks, moat, moatIn, REPO_ROOT } from '../unit/helpers.js';
import { launchChromium, mermaidPage, renderMermaid } from './chromium.js';

/** Every Mermaid diagram Moat writes is rendered by the real mermaid package in Chromium. */
describe('Mermaid diagrams render in Chromium', () => {
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
        browser = await launchChromium();
        page = await mermaidPage(browser);
    });
    afterAll(async () => {
        await browser?.close();
    });

    const invalid = fs.readdirSync(path.join(REPO_ROOT, 'samples', 'invalid')).filter(name => name.endsWith('.tm')).map(name => `samples/invalid/${name}`);

    test.each(['samples/payments', 'test/fixtures/hostile/hostile.tm', ...invalid])('the report of %s', async target => {
        const blocks = mermaidBlocks((await moat('report', target)).stdout);
        expect(blocks.length).toBeGreaterThan(0);
        for (const block of blocks) {
            const { svg, error } = await renderMermaid(page, block);
            expect(error, block).toBeUndefined();
            expect(svg).toMatch(/^<svg/);
        }
    });

    test.each([
        ['samples/payments/model.tm', 'dfd'], ['samples/payments/model.tm', 'trace'], ['test/fixtures/hostile/hostile.tm', 'trace'],
        ['test/fixtures/hostile/hostile-preview.tm', 'dfd'], ['test/fixtures/hostile/hostile-preview.tm', 'trace'], ['samples/invalid/missing-without-clause.tm', 'trace']
    ])('moat render %s --view %s -f mermaid', async (target, view) => {
        const { stdout, code } = await moat('render', target, '--view', view, '-f', 'mermaid');
        expect(code).toBe(0);
        const { svg, error } = await renderMermaid(page, stdout);
        expect(error, stdout).toBeUndefined();
        expect(svg).toMatch(/^<svg/);
        // Hostile text appears escaped inside labels; it must never become a tag, a handler or a link.
        expect(svg).not.toMatch(/<script|<[^>]*\son\w+=|href="javascript:/i);
    });

    test('the diff of two versions of a model draws its changed neighbourhood', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'moat-diff-render-'));
        fs.cpSync(path.join(REPO_ROOT, 'samples', 'payments'), path.join(folder, 'v1'), { recursive: true });
        fs.cpSync(path.join(REPO_ROOT, 'samples', 'payments'), path.join(folder, 'v2'), { recursive: true });
        fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'hostile', 'hostile.tm'), path.join(folder, 'v2', 'hostile.tm'));
        fs.appendFileSync(path.join(folder, 'v2', 'checkout.tm'), '\nflow OrderExport: OrderService -> FraudDataProvider "Basket export" { carries [OrderDetails] }\n');
        const blocks = mermaidBlocks((await moatIn(folder, 'diff', 'v1', 'v2')).stdout);
        expect(blocks).toHaveLength(2);
        for (const block of blocks) expect((await renderMermaid(page, block)).error, block).toBeUndefined();
    });

    test('hostile labels render as text: no script, no event handler, no injected node', async () => {
        const [block] = mermaidBlocks((await moat('report', 'test/fixtures/hostile/hostile.tm')).stdout);
        const { svg } = await renderMermaid(page, block);
        expect(svg).not.toMatch(/<script|<img|\son\w+=|javascript:/i);
        expect(svg).toContain('&lt;b&gt;bold&lt;/b&gt;');
        const injected = await page.evaluate(markup => {
            const host = document.createElement('div');
            host.innerHTML = markup;
            return { nodes: host.querySelectorAll('g.node').length, clusters: host.querySelectorAll('g.cluster').length };
        }, svg!);
        expect(injected).toEqual({ nodes: 3, clusters: 1 });
    });
});
