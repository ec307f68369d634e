import * as vscode from 'vscode';
import type { PreviewData } from '../../../language-server/protocol.js';
import { parseWebviewMessage, type FromWebview, type ToWebview } from '../../../webview/preview-messages.js';
import { previewHtml, previewWebviewOptions } from './preview-html.js';

/** What a panel needs from the extension: fresh data, and what to do with the webview's requests. */
export interface PreviewHost {
    extensionUri: vscode.Uri;
    fetch(uri: string): Promise<PreviewData | null>;
    handle(panel: PreviewPanel, message: FromWebview): Promise<void>;
}

/** The webview options of a preview (preview-html.ts says which and why). */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return previewWebviewOptions(vscode.Uri.joinPath(extensionUri, 'dist'));
}

/** One preview panel, showing the model of one document, refreshed when the server says it changed. */
export class PreviewPanel implements vscode.Disposable {
    /** The last data shown, for revealing sources and highlighting from the cursor. */
    data: PreviewData | undefined;
    /** The declaration last highlighted from the cursor (null: none): moving within it posts nothing. A page that loads again starts over. */
    highlighted: string | null | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    private refreshing: Promise<void> | undefined;
    private refreshAgain = false;

    constructor(readonly uri: string, readonly panel: vscode.WebviewPanel, private readonly host: PreviewHost, onDispose: () => void) {
        const dist = vscode.Uri.joinPath(host.extensionUri, 'dist');
        const asset = (name: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, name)).toString();
        panel.webview.options = webviewOptions(host.extensionUri);
        panel.webview.html = previewHtml({ uri, cspSource: panel.webview.cspSource, script: asset('webview.js'), style: asset('preview.css'), worker: asset('layout-worker.js') });
        panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'extension', 'icons', 'moat.svg');
        this.disposables.push(
            panel.webview.onDidReceiveMessage(value => {
                const message = parseWebviewMessage(value);
                if (message?.type === 'ready') {
                    this.highlighted = undefined;
                    void this.refresh();
                }
                else if (message) void host.handle(this, message);
            }),
            panel.onDidDispose(() => {
                onDispose();
                this.dispose();
            })
        );
    }

    /** Pulls the model's data and sends it; refreshes asked for meanwhile are folded into one more. */
    async refresh(): Promise<void> {
        if (this.refreshing) {
            this.refreshAgain = true;
            return this.refreshing;
        }
        this.refreshing = (async () => {
            do {
                this.refreshAgain = false;
                const data = await this.host.fetch(this.uri);
                if (data) {
                    this.data = data;
                    this.panel.title = `Preview ${data.title}`;
                    await this.post({ type: 'preview', data });
                } else if (!this.data) {
                    await this.post({ type: 'unavailable', reason: 'The language server has no model for this file yet.' });
                }
            } while (this.refreshAgain);
        })().finally(() => {
            this.refreshing = undefined;
        });
        return this.refreshing;
    }

    /** Sends a message to the webview. */
    async post(message: ToWebview): Promise<void> {
        await this.panel.webview.postMessage(message);
    }

    dispose(): void {
        this.disposables.splice(0).forEach(disposable => disposable.dispose());
    }
}
