import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PreviewData } from '../../language-server/protocol.js';
import { previewDataOf, REPO_ROOT } from '../unit/helpers.js';
import { launchChromium } from './chromium.js';
import { openPreviewPage, PAGE_DOCUMENT, serveDist, type PreviewPage } from './preview-page.js';

const RESULTS = path.join(REPO_ROOT, 'test-results');

/** The preview page as VS Code shows it (same HTML, CSP and bundles), driven in Chromium with the real server's data. */
describe('the preview webview', () => {
    let browser: Browser;
    let assets: Awaited<ReturnType<typeof serveDist>>;
    let payments: PreviewData;

    beforeAll(async () => {
        [browser, assets, payments] = await Promise.all([launchChromium(), serveDist(path.join(REPO_ROOT, 'dist')), previewDataOf('samples/payments')]);
        fs.mkdirSync(RESULTS, { recursive: true });
    });
    afterAll(async () => {
        await browser?.close();
        await assets?.close();
    });

    const nodeIds = (preview: PreviewPage) => preview.page.$$eval('.pane-dfd g.node[data-id]', nodes => nodes.map(node => node.getAttribute('data-id')));

    test('draws every element of the payments model as a node, every boundary and flow, and the other two views', async () => {
        const preview = await openPreviewPage(browser, assets.origin);
        await preview.show(payments);
        const elements = [...new Set(payments.diagram.nodes.map(node => node.id))];
        expect((await nodeIds(preview)).sort()).toEqual(elements.sort());
        expect(await preview.page.locator('.pane-dfd g.boundary').count()).toBe(payments.diagram.boundaries.length);
        expect(await preview.page.locator('.pane-dfd g.flow').count()).toBe(payments.diagram.edges.length);
        expect(await preview.page.locator('.pane-dfd g.node.process ellipse').count()).toBe(payments.diagram.nodes.filter(node => node.kind === 'process').length);
        expect(await preview.page.locator('.pane-trace g.row').count()).toBeGreaterThan(payments.trace.columns.stories.length);
        expect(await preview.page.locator('.pane-questions li.question').count()).toBe(payments.questions.length);
        await preview.page.screenshot({ path: path.join(RESULTS, 'preview-payments.png') });
        await preview.page.locator('.tab-trace').click();
        await preview.page.screenshot({ path: path.join(RESULTS, 'preview-payments-trace.png') });
        await preview.page.locator('.tab-questions').click();
        await preview.page.screenshot({ path: path.join(RESULTS, 'preview-payments-questions.png') });
        expect(preview.violations).toEqual([]);
        await preview.page.close();
    });

    test('the page keeps its document in the webview state before any data arrives, and its view once chosen', async () => {
        const preview = await openPreviewPage(browser, assets.origin);
        // A window reloaded now, before the server has answered, must still find the panel's document.
        expect(await preview.state()).toEqual({ uri: PAGE_DOCUMENT });
        await preview.page.locator('.tab-trace').click();
        expect(await preview.state()).toEqual({ uri: PAGE_DOCUMENT, view: 'trace' });
        await preview.page.close();
    });

    test('a click on a node asks the extension to reveal its declaration; a highlight marks the node', async () => {
        const preview = await openPreviewPage(browser, assets.origin);
        await preview.show(payments);
        await preview.page.getByRole('button', { name: 'Fit', exact: true }).click();
        await preview.page.locator('.pane-dfd g.node[data-id="PaymentService"]').click();
        expect(await preview.sent()).toContainEqual({ type: 'reveal', id: 'PaymentService' });
        await preview.post({ type: 'highlight', id: 'CardVault' });
        await expect.poll(() => preview.page.locator('.pane-dfd g.highlighted').getAttribute('data-id')).toBe('CardVault');
        await preview.page.close();
    });

    test('an edit that changes only labels keeps the layout and the zoom; a structural edit is laid out again, every time', async () => {
        const preview = await openPreviewPage(browser, assets.origin);
        await preview.show(payments);
        await preview.page.locator('.zoom-in').click();
        const viewBox = await preview.page.locator('.pane-dfd > svg').getAttribute('viewBox');
        const relabelled: PreviewData = { ...payments, diagram: { ...payments.diagram, nodes: payments.diagram.nodes.map(node => node.id === 'CardVault' ? { ...node, label: 'Card vault (renamed)' } : node) } };
        await preview.show(relabelled);
        expect(await preview.page.evaluate(() => document.body.dataset.layoutReused)).toBe('true');
        expect(await preview.page.locator('.pane-dfd > svg').getAttribute('viewBox')).toBe(viewBox);
        expect(await preview.page.locator('.pane-dfd g.node[data-id="CardVault"] text').textContent()).toBe('Card vault (renamed)');
        const flowRemoved: PreviewData = { ...payments, diagram: { ...payments.diagram, edges: payments.diagram.edges.slice(1) } };
        await preview.show(flowRemoved);
        expect(await preview.page.evaluate(() => document.body.dataset.layoutReused)).toBe('false');
        expect(await preview.page.locator('.pane-dfd g.flow').count()).toBe(payments.diagram.edges.length - 1);
        await preview.show(payments);
        expect(await preview.page.locator('.pane-dfd g.flow').count()).toBe(payments.diagram.edges.length);
        await preview.page.close();
    });

    test.each(['test/fixtures/hostile/hostile.tm', 'test/fixtures/hostile/hostile-preview.tm'])('hostile labels of %s are drawn as text: no script runs, no CSP violation, no request beyond the bundles', async fixture => {
        const hostile = await previewDataOf(fixture);
        const preview = await openPreviewPage(browser, assets.origin);
        await preview.show(hostile);
        for (const view of ['trace', 'questions', 'dfd']) {
            await preview.page.locator(`.tab-${view}`).click();
        }
        const facts = await preview.page.evaluate(() => ({
            pwned: (window as unknown as { pwned?: unknown }).pwned,
            handlers: [...document.querySelectorAll('#moat-preview *')].filter(element => [...element.attributes].some(attribute => /^on/i.test(attribute.name))).length,
            injected: document.querySelectorAll('#moat-preview script, #moat-preview img, #moat-preview iframe, #moat-preview foreignObject, #moat-preview a').length,
            text: document.querySelector('.pane-dfd')?.textContent ?? ''
        }));
        expect(facts.pwned).toBeUndefined();
        expect(facts.handlers).toBe(0);
        expect(facts.injected).toBe(0);
        expect(facts.text).toContain('<');
        expect(await nodeIds(preview)).toEqual(expect.arrayContaining(hostile.diagram.nodes.map(node => node.id)));
        expect(preview.dialogs).toEqual([]);
        expect(preview.violations).toEqual([]);
        expect(preview.requests.filter(url => !url.startsWith(`${assets.origin}/`) && !url.startsWith('blob:'))).toEqual([]);
        await preview.page.close();
    });

    test('exports: the SVG file, a PNG drawn from it, and a request for the Mermaid text', async () => {
        const preview = await openPreviewPage(browser, assets.origin);
        await preview.show(payments);
        await preview.page.locator('.export-svg').click();
        await preview.page.locator('.export-png').click();
        await preview.page.locator('.copy-mermaid').click();
        await expect.poll(async () => (await preview.sent()).filter(message => message.type === 'save').length).toBe(2);
        const sent = await preview.sent();
        const saved = sent.filter(message => message.type === 'save') as { format: string; content: string }[];
        expect(saved[0]).toMatchObject({ format: 'svg', content: expect.stringMatching(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="moat-dfd"/) });
        expect(saved[1].format).toBe('png');
        const png = Buffer.from(saved[1].content.replace(/^data:image\/png;base64,/, ''), 'base64');
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
        expect(sent).toContainEqual({ type: 'copyMermaid', view: 'dfd' });
        await preview.page.close();
    });

    test('a large model starts with its boundaries collapsed; a click on one expands it', async () => {
        const boundaries = Array.from({ length: 6 }, (_, index) => ({ id: `Zone${index}`, label: `Zone ${index}` }));
        const nodes = Array.from({ length: 240 }, (_, index) => ({ id: `E${index}`, kind: 'process' as const, label: `Element ${index}`, boundary: `Zone${index % 6}` }));
        const large: PreviewData = { ...payments, diagram: { nodes, boundaries, edges: [] }, locations: {} };
        const preview = await openPreviewPage(browser, assets.origin);
        await preview.show(large);
        expect(await preview.page.locator('.pane-dfd g.node.boundary').count()).toBe(6);
        await preview.page.getByRole('button', { name: 'Fit', exact: true }).click();
        const drawn = Number(await preview.page.evaluate(() => document.body.dataset.drawn));
        await preview.page.locator('.pane-dfd g.node.boundary[data-id="Zone2"]').click();
        await preview.page.waitForFunction(count => Number(document.body.dataset.drawn) > count, drawn, { polling: 100 });
        expect(await preview.page.locator('.pane-dfd g.node.boundary').count()).toBe(5);
        expect(await preview.page.locator('.pane-dfd g.boundary:not(.node)[data-id="Zone2"]').count()).toBe(1);
        expect(await preview.page.locator('.pane-dfd g.node.process').count()).toBe(40);
        await preview.page.close();
    });
});
