import { randomBytes } from 'node:crypto';

/** What the preview page needs from its webview: its document, the CSP source and URIs of the bundled assets. */
export interface PreviewAssets {
    /** The model's URI: the page keeps it in its webview state at once, for the panel to be restored after a reload. */
    uri: string;
    cspSource: string;
    script: string;
    style: string;
    worker: string;
}

/**
 * The webview options of every preview: scripts on (the page's own, by nonce), resources only from
 * the extension's `dist/`, no command links, no forms.
 */
export function previewWebviewOptions<Uri>(dist: Uri): { enableScripts: true; enableCommandUris: false; enableForms: false; localResourceRoots: Uri[]; retainContextWhenHidden: false } {
    return { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [dist], retainContextWhenHidden: false };
}

/** A fresh nonce for one page: 128 random bits, base64. */
export function createNonce(): string {
    return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy of the preview: nothing by default; scripts only with this page's
 * nonce (no `unsafe-inline`, no `unsafe-eval`); styles, fonts and the layout worker's script only
 * from the extension's `dist/`; images from there or generated in the page (`data:`/`blob:`, for
 * the PNG export); the layout worker from a `blob:` made of that script; no remote source, no form,
 * no frame.
 */
export function previewCsp(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource}`,
        `font-src ${cspSource}`,
        `img-src ${cspSource} data: blob:`,
        `connect-src ${cspSource}`,
        'worker-src blob:',
        "form-action 'none'",
        "frame-src 'none'",
        "base-uri 'none'"
    ].join('; ');
}

/** The preview page: a CSP meta tag, the stylesheet, the mount point (naming the document and the worker) and the nonce'd script. */
export function previewHtml(assets: PreviewAssets, nonce = createNonce()): string {
    const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(previewCsp(assets.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attribute(assets.style)}">
<title>Moat preview</title>
</head>
<body>
<div id="moat-preview" data-uri="${attribute(assets.uri)}" data-worker="${attribute(assets.worker)}"></div>
<script nonce="${nonce}" src="${attribute(assets.script)}"></script>
</body>
</html>`;
}
