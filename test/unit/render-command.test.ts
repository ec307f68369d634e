import { describe, expect, test } from 'vitest';
import { moat } from './helpers.js';

/** `moat render`: the preview's picture for pull requests and docs. */
describe('moat render', () => {
    test('writes the DFD as a standalone SVG drawn by the preview\'s renderer', async () => {
        const { code, stdout } = await moat('render', 'samples/payments/model.tm');
        expect(code).toBe(0);
        expect(stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="moat-dfd"/);
        expect(stdout.match(/<g class="node /g)?.length).toBe(35);
        expect(stdout).not.toMatch(/<script|href=|url\((?!#)/);
    });

    test('writes the traceability view as SVG or Mermaid', async () => {
        const svg = await moat('render', 'samples/payments/model.tm', '--view', 'trace');
        expect(svg.stdout).toMatch(/class="moat-trace"/);
        expect(svg.stdout).toContain('data-id="ticket:PAY-101"');
        const mermaid = await moat('render', 'samples/payments/model.tm', '--view', 'trace', '-f', 'mermaid');
        expect(mermaid.stdout).toMatch(/^flowchart LR\n {2}subgraph c0\["Stories"\]/);
    });

    test('collapses every boundary on request, and says which file to name when a folder holds several models', async () => {
        const collapsed = await moat('render', 'samples/payments/model.tm', '--collapse', 'all');
        expect(collapsed.stdout).toContain('class="node boundary"');
        expect(collapsed.stdout).not.toContain('<g class="boundary"');
        const several = await moat('render', 'samples/invalid');
        expect(several.code).toBe(2);
        expect(several.stderr).toMatch(/holds \d+ models; name the one file to render/);
    });
});
