import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { markdownFences, type FenceHost } from '../../extension/src/markdown/markdown-fences.js';

/**
 * ```tm fences in VS Code's Markdown preview: markdown-it renders synchronously, the server draws
 * asynchronously, so a fence shows its code, then its picture once the preview is refreshed. A
 * refresh the preview drops is asked again, and a request that failed is tried again.
 */

const FENCE = 'actor User "Shopper"\nprocess Web "Web"\nflow User -> Web "Browse"\n';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>&lt;img src=x onerror=alert(1)&gt;</text></svg>';

/** A stand-in for markdown-it with VS Code's fence rule, and the rendering of one fence through the plugin. */
function preview(host: FenceHost) {
    const md = { renderer: { rules: { fence: (tokens: { info: string; content: string }[], index: number) => `<pre><code>${tokens[index].content}</code></pre>` } as Record<string, ((tokens: { info: string; content: string }[], index: number) => string) | undefined> } };
    markdownFences(host)(md);
    return (info = 'tm', content = FENCE) => md.renderer.rules.fence!([{ info, content }], 0);
}

function host(render: FenceHost['render']) {
    return { render: vi.fn(render), refresh: vi.fn(), log: vi.fn() };
}

describe('Markdown fences', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    test('a fence shows its code, then, once drawn and refreshed, the picture as an image of the SVG', async () => {
        const editor = host(async () => SVG);
        const render = preview(editor);
        expect(render()).toContain('<pre><code>');
        await vi.advanceTimersByTimeAsync(0);
        expect(editor.refresh).toHaveBeenCalledTimes(1);
        const html = render();
        expect(html).toMatch(/^<div class="moat-diagram"><img alt="Data-flow diagram of the threat model" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"><\/div>$/);
        expect(Buffer.from(html.match(/base64,([^"]+)/)![1], 'base64').toString('utf8')).toBe(SVG);
        // Shown: no further refresh is asked.
        await vi.advanceTimersByTimeAsync(5000);
        expect(editor.refresh).toHaveBeenCalledTimes(1);
        expect(editor.render).toHaveBeenCalledTimes(1);
    });

    test('a refresh the preview dropped is asked again until the picture is rendered, three times at most', async () => {
        const editor = host(async () => SVG);
        const render = preview(editor);
        render();
        await vi.advanceTimersByTimeAsync(0);
        expect(editor.refresh).toHaveBeenCalledTimes(1);
        await vi.advanceTimersByTimeAsync(1000);
        expect(editor.refresh).toHaveBeenCalledTimes(2);
        await vi.advanceTimersByTimeAsync(10_000);
        expect(editor.refresh).toHaveBeenCalledTimes(3);
        expect(render()).toContain('<img');
    });

    test('a failed request is logged and tried again; other languages are left to markdown-it', async () => {
        let calls = 0;
        const editor = host(async () => {
            if (++calls === 1) throw new Error('the server restarted');
            return SVG;
        });
        const render = preview(editor);
        expect(render('js', 'let x = 1;')).toBe('<pre><code>let x = 1;</code></pre>');
        render('tm');
        await vi.advanceTimersByTimeAsync(0);
        expect(editor.log).toHaveBeenCalledWith('A Markdown fence could not be drawn, trying again: the server restarted');
        expect(editor.refresh).not.toHaveBeenCalled();
        await vi.advanceTimersByTimeAsync(1000);
        expect(editor.render).toHaveBeenCalledTimes(2);
        expect(editor.refresh).toHaveBeenCalledTimes(1);
        expect(render('tm')).toContain('<img');
    });

    test('a fence the server has nothing to draw for keeps showing its code', async () => {
        const editor = host(async () => null);
        const render = preview(editor);
        render();
        await vi.advanceTimersByTimeAsync(5000);
        expect(editor.refresh).not.toHaveBeenCalled();
        expect(render()).toContain('<pre><code>');
    });
});
