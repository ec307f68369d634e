import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../extension/src/preview/preview-html.js';
import type { PreviewData } from '../../language-server/protocol.js';
import type { FromWebview, ToWebview } from '../../webview/preview-messages.js';

/** The model the served page previews, as the extension names it in the page. */
export const PAGE_DOCUMENT = 'file:///workspace/payments/model.tm';

/** A local server for the bundled preview assets of a `dist/` folder, standing in for the webview's resource origin. */
export async function serveDist(dist: string): Promise<{ origin: string; close(): Promise<void> }> {
    const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };
    const server = http.createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (url.pathname === '/preview.html') {
            const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
            response.writeHead(200, { 'content-type': 'text/html' });
            response.end(previewHtml({ uri: PAGE_DOCUMENT, cspSource: origin, script: `${origin}/dist/webview.js`, style: `${origin}/dist/preview.css`, worker: `${origin}/dist/layout-worker.js` }));
            return;
        }
        const file = path.join(dist, path.basename(url.pathname));
        if (!url.pathname.startsWith('/dist/') || !fs.existsSync(file)) {
            response.writeHead(404).end();
            return;
        }
        response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
        fs.createReadStream(file).pipe(response);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { origin, close: () => new Promise(resolve => server.close(() => resolve())) };
}

/** What the page did that a test checks: messages to the extension, CSP violations, requests, dialogs. */
export interface PreviewPage {
    page: Page;
    violations: string[];
    requests: string[];
    dialogs: string[];
    sent(): Promise<FromWebview[]>;
    /** What the page last gave to `setState` (VS Code keeps it for restoring the panel after a reload). */
    state(): Promise<unknown>;
    post(message: ToWebview): Promise<void>;
    /** Sends preview data and waits until the diagram has been drawn once more. */
    show(data: PreviewData): Promise<void>;
}

/** Opens the real preview page (the extension's HTML, CSP and bundles) with a stand-in for VS Code's webview API. */
export async function openPreviewPage(browser: Browser, origin: string, viewport = { width: 1200, height: 800 }): Promise<PreviewPage> {
    const page = await browser.newPage({ viewport });
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', request => requests.push(request.url()));
    page.on('dialog', dialog => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    await page.addInitScript(() => {
        const scope = window as unknown as { __sent: unknown[]; __violations: string[]; __state: unknown; acquireVsCodeApi(): unknown };
        scope.__sent = [];
        scope.__violations = [];
        document.addEventListener('securitypolicyviolation', event => scope.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
        scope.acquireVsCodeApi = () => ({
            postMessage: (message: unknown) => scope.__sent.push(message),
            getState: () => scope.__state,
            setState: (state: unknown) => { scope.__state = state; }
        });
    });
    await page.goto(`${origin}/preview.html`);
    await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some(message => message.type === 'ready'));
    const preview: PreviewPage = {
        page, requests, dialogs, violations: [],
        sent: () => page.evaluate(() => (window as unknown as { __sent: FromWebview[] }).__sent),
        state: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
        post: message => page.evaluate(sent => window.postMessage(sent, '*'), message),
        async show(data) {
            const drawn = Number(await page.evaluate(() => document.body.dataset.drawn ?? 0));
            await preview.post({ type: 'preview', data });
            await page.waitForFunction(count => Number(document.body.dataset.drawn ?? 0) > count, drawn, { timeout: 600000, polling: 100 });
            preview.violations.splice(0, preview.violations.length, ...await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations));
        }
    };
    return preview;
}
