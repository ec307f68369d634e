import { describe, expect, test } from 'vitest';
import { declarationAt } from '../../extension/src/preview/declaration-at.js';
import { createNonce, previewCsp, previewHtml, previewWebviewOptions } from '../../extension/src/preview/preview-html.js';
import type { PreviewData } from '../../language-server/protocol.js';
import { parsePreviewState, parseWebviewMessage } from '../../webview/preview-messages.js';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function directives(csp: string): Map<string, string[]> {
    return new Map(csp.split(';').map(part => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

/** The preview's Content-Security-Policy, webview options and message validation (DESIGN §4, robustness issue §6). */
describe('the preview webview is locked down', () => {
    test('the CSP allows nothing by default, scripts only by nonce, and no remote or inline source', () => {
        const csp = directives(previewCsp(SOURCE, 'abc'));
        expect(csp.get('default-src')).toEqual(["'none'"]);
        expect(csp.get('script-src')).toEqual(["'nonce-abc'"]);
        expect(csp.get('style-src')).toEqual([SOURCE]);
        expect(csp.get('img-src')).toEqual([SOURCE, 'data:', 'blob:']);
        expect(csp.get('form-action')).toEqual(["'none'"]);
        expect(csp.get('frame-src')).toEqual(["'none'"]);
        const everything = [...csp.values()].flat();
        expect(everything).not.toContain("'unsafe-eval'");
        expect(everything).not.toContain("'unsafe-inline'");
        expect(everything.filter(source => /^(https?:|\*)/.test(source) && source !== SOURCE)).toEqual([]);
    });

    test('each page gets a fresh nonce of at least 128 bits, on its one script', () => {
        const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
        expect(nonces.size).toBe(100);
        for (const nonce of nonces) expect(Buffer.from(nonce, 'base64').length * 8).toBeGreaterThanOrEqual(128);
        const html = previewHtml({ uri: 'file:///m.tm', cspSource: SOURCE, script: `${SOURCE}/dist/webview.js`, style: `${SOURCE}/dist/preview.css`, worker: `${SOURCE}/dist/layout-worker.js` }, 'n0nce');
        expect(html.match(/<script\b[^>]*>/g)).toEqual([`<script nonce="n0nce" src="${SOURCE}/dist/webview.js">`]);
        expect(html).toContain("script-src 'nonce-n0nce'");
        expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    });

    test('webview options: resources only from dist/, command links and forms off', () => {
        expect(previewWebviewOptions('DIST')).toEqual({ enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: ['DIST'], retainContextWhenHidden: false });
    });

    test('messages from the webview are used only when they have a declared shape', () => {
        expect(parseWebviewMessage({ type: 'reveal', id: 'PaymentService' })).toEqual({ type: 'reveal', id: 'PaymentService' });
        expect(parseWebviewMessage({ type: 'save', format: 'png', content: 'data:image/png;base64,AA' })).toEqual({ type: 'save', format: 'png', content: 'data:image/png;base64,AA' });
        expect(parseWebviewMessage({ type: 'copyMermaid', view: 'trace' })).toEqual({ type: 'copyMermaid', view: 'trace' });
        for (const hostile of [
            null, 'reveal', 42, [], { type: 'reveal' }, { type: 'reveal', id: 7 }, { type: 'reveal', id: 'x'.repeat(5000) },
            { type: 'save', format: 'exe', content: '' }, { type: 'save', format: 'svg', content: {} }, { type: 'copyMermaid', view: 'html' },
            { type: 'runCommand', command: 'workbench.action.terminal.new' }, { type: '__proto__' }, { type: 'askQuestions', subject: 3 }
        ]) expect(parseWebviewMessage(hostile)).toBeUndefined();
    });

    test('the state restored after a reload names a document or is dropped', () => {
        expect(parsePreviewState({ uri: 'file:///m.tm', view: 'trace' })).toEqual({ uri: 'file:///m.tm' });
        expect(parsePreviewState({ uri: 5 })).toBeUndefined();
        expect(parsePreviewState(undefined)).toBeUndefined();
    });
});

describe('the cursor finds its node', () => {
    const at = (line: number, character: number) => ({ uri: 'file:///m.tm', range: { start: { line, character }, end: { line, character: character + 3 } } });
    const data = { locations: { Web: at(2, 10), Db: at(5, 12), Other: { ...at(1, 0), uri: 'file:///other.tm' } } } as unknown as PreviewData;

    test('in the declaration that starts last before the cursor, in the same file', () => {
        expect(declarationAt(data, 'file:///m.tm', { line: 3, character: 4 })).toBe('Web');
        expect(declarationAt(data, 'file:///m.tm', { line: 5, character: 12 })).toBe('Db');
        expect(declarationAt(data, 'file:///m.tm', { line: 0, character: 0 })).toBeNull();
        expect(declarationAt(data, 'file:///elsewhere.tm', { line: 3, character: 0 })).toBeUndefined();
    });
});
