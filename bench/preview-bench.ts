import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { DiagramGraph, DiagramNode } from '../language-server/render/diagram-types.js';
import type { PreviewData } from '../language-server/protocol.js';
import { openPreviewPage, serveDist } from '../test/browser/preview-page.js';

/**
 * `npm run bench` (preview part): the preview page as VS Code loads it (same HTML, CSP, bundles,
 * layout worker) in Debian's Chromium, timing for synthetic DFDs of several sizes: the first
 * render in a fresh page (worker start, ELK layout, SVG), a label-only edit (layout reused), a
 * structural edit, and — for sizes that start with boundaries collapsed — expanding them all.
 * Prints one JSON line.
 */
const SIZES = [{ elements: 150, flows: 100 }, { elements: 500, flows: 330 }];

function random(seed: number): () => number {
    let state = seed;
    return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** A DFD with one boundary per ~20 elements nested up to three deep, kinds and severities spread as in real models. */
function syntheticGraph(elements: number, flows: number): DiagramGraph {
    const next = random(elements);
    const boundaries = Array.from({ length: Math.ceil(elements / 20) }, (_, index) => ({ id: `B${index}`, label: `Boundary ${index}`, parent: index % 4 === 0 || index < 1 ? undefined : `B${index - (index % 4)}` }));
    const kinds: DiagramNode['kind'][] = ['actor', 'external', 'process', 'process', 'process', 'datastore', 'datastore'];
    const severities = [undefined, undefined, 'high', 'medium', 'low'] as const;
    const nodes: DiagramNode[] = Array.from({ length: elements }, (_, index) => ({
        id: `E${index}`, kind: kinds[index % kinds.length], label: `Element ${index} ${'x'.repeat(index % 12)}`,
        boundary: next() < 0.8 ? `B${Math.floor(next() * boundaries.length)}` : undefined, severity: severities[index % severities.length]
    }));
    const edges = Array.from({ length: flows }, (_, index) => {
        const source = Math.floor(next() * elements);
        const target = (source + 1 + Math.floor(next() * (elements - 1))) % elements;
        return { id: `F${index}`, source: `E${source}`, target: `E${target}`, label: `flow ${index}`, bidirectional: index % 5 === 0, crossing: index % 3 === 0 };
    });
    return { nodes, boundaries, edges };
}

function previewOf(diagram: DiagramGraph): PreviewData {
    return {
        uri: 'file:///bench.tm', title: 'Bench', diagram, trace: { columns: { stories: [], threats: [], mitigations: [], tickets: [] }, links: [] },
        questions: [], locations: {}, counts: { elements: diagram.nodes.length, flows: diagram.edges.length, openThreats: 0, openQuestions: 0 }
    };
}

async function main(): Promise<void> {
    const assets = await serveDist(path.resolve(__dirname));
    const browser = await chromium.launch({ executablePath: process.env.MOAT_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const results = [];
    try {
        for (const { elements, flows } of SIZES) {
            const graph = syntheticGraph(elements, flows);
            const preview = await openPreviewPage(browser, assets.origin);
            const measure = async (data: PreviewData) => {
                const started = Date.now();
                await preview.show(data);
                const timing = await preview.page.evaluate(() => ({ renderMs: Number(document.body.dataset.renderMs), firstPictureMs: Number(document.body.dataset.firstPictureMs) }));
                return { wallMs: Date.now() - started, ...timing, nodes: await preview.page.locator('.pane-dfd g.node').count() };
            };
            const first = await measure(previewOf(graph));
            const relabel = await measure(previewOf({ ...graph, nodes: graph.nodes.map(node => ({ ...node, label: `${node.label}!` })) }));
            const structural = await measure(previewOf({ ...graph, edges: graph.edges.slice(1) }));
            let expanded: Awaited<ReturnType<typeof measure>> | undefined;
            if (first.nodes < elements) {
                const drawn = Number(await preview.page.evaluate(() => document.body.dataset.drawn));
                const started = Date.now();
                await preview.page.locator('.expand-all').click();
                await preview.page.waitForFunction(count => Number(document.body.dataset.drawn) > count, drawn, { timeout: 600000, polling: 100 });
                const timing = await preview.page.evaluate(() => ({ renderMs: Number(document.body.dataset.renderMs), firstPictureMs: Number(document.body.dataset.firstPictureMs) }));
                expanded = { wallMs: Date.now() - started, ...timing, nodes: await preview.page.locator('.pane-dfd g.node').count() };
            }
            results.push({ elements, flows, first, relabel, structural, expanded });
            process.stderr.write(`preview bench: ${JSON.stringify(results.at(-1))}\n`);
            await preview.page.close();
        }
    } finally {
        await browser.close();
        await assets.close();
    }
    console.log(JSON.stringify(results));
}

void main();
