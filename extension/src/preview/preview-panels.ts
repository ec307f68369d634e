import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GetPreviewRequest, RenderPictureRequest, type PreviewData } from '../../../language-server/protocol.js';
import { parsePreviewState, type FromWebview } from '../../../webview/preview-messages.js';
import { declarationAt } from './declaration-at.js';
import { revealDeclaration } from './source-links.js';
import { PreviewPanel, webviewOptions, type PreviewHost } from './preview-panel.js';
import { saveExport } from './preview-exports.js';

/** The view type of preview panels, also the key of their serializer. */
export const PREVIEW_VIEW_TYPE = 'moat.preview';

/**
 * The open previews, one per document: opens or reveals them, restores them after a window reload,
 * refreshes them when the server announces a model change, relays their requests, and highlights
 * the declaration under the cursor.
 */
export class PreviewPanels implements vscode.Disposable, PreviewHost {
    private readonly panels = new Map<string, PreviewPanel>();
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        readonly extensionUri: vscode.Uri,
        private readonly client: Promise<LanguageClient>,
        private readonly askQuestions: (uri: string, subject?: string) => Promise<void>,
        private readonly log: vscode.LogOutputChannel
    ) {
        this.disposables.push(vscode.window.onDidChangeTextEditorSelection(event => this.highlight(event.textEditor)));
    }

    /**
     * Takes back a panel VS Code restored after a window reload: its state names the document (the
     * page records it as soon as it loads). Without one, the panel is closed.
     */
    restore(panel: vscode.WebviewPanel, state: unknown): void {
        const restored = parsePreviewState(state);
        if (!restored) {
            this.log.warn(`A preview restored after a reload named no document (state: ${JSON.stringify(state) ?? 'none'}); it is closed.`);
            panel.dispose();
            return;
        }
        this.log.info(`Restored the preview of ${restored.uri} after a reload.`);
        this.adopt(restored.uri, panel);
    }

    /** Opens the preview of a document beside it, or reveals the one already open. */
    open(uri: string, column: vscode.ViewColumn): PreviewPanel {
        const existing = this.panels.get(uri);
        if (existing) {
            existing.panel.reveal(column, true);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Moat preview', { viewColumn: column, preserveFocus: true }, webviewOptions(this.extensionUri));
        return this.adopt(uri, panel);
    }

    /** The panel of a document, if open. */
    get(uri: string): PreviewPanel | undefined {
        return this.panels.get(uri);
    }

    /** Refreshes the previews of the models that changed. */
    modelsChanged(uris: readonly string[]): void {
        for (const uri of uris) void this.panels.get(uri)?.refresh();
    }

    /** The preview data of a model, once the language server runs; null (and a log line) if it cannot answer. */
    async fetch(uri: string): Promise<PreviewData | null> {
        try {
            return await (await this.client).sendRequest<PreviewData | null>(GetPreviewRequest.method, { uri });
        } catch (error) {
            this.log.error(`${GetPreviewRequest.method} for ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
            return null;
        }
    }

    async handle(panel: PreviewPanel, message: FromWebview): Promise<void> {
        switch (message.type) {
            case 'reveal':
                await revealDeclaration(panel, message.id);
                return;
            case 'openTicket':
                await openTicket(message.ticket);
                return;
            case 'save':
                await saveExport(panel, message.format, message.content);
                return;
            case 'copyMermaid': {
                const result = await (await this.client).sendRequest<{ picture: string } | null>(RenderPictureRequest.method, { uri: panel.uri, options: { format: 'mermaid', view: message.view } });
                if (result) {
                    await vscode.env.clipboard.writeText(result.picture);
                    void vscode.window.showInformationMessage('Moat: the diagram is on the clipboard as Mermaid.');
                }
                return;
            }
            case 'askQuestions':
                await this.askQuestions(panel.uri, message.subject);
                return;
        }
    }

    private adopt(uri: string, panel: vscode.WebviewPanel): PreviewPanel {
        const preview = new PreviewPanel(uri, panel, this, () => this.panels.delete(uri));
        this.panels.set(uri, preview);
        return preview;
    }

    private highlight(editor: vscode.TextEditor): void {
        for (const preview of this.panels.values()) {
            if (!preview.data || !preview.panel.visible) continue;
            const id = declarationAt(preview.data, editor.document.uri.toString(), editor.selection.active);
            if (id === undefined || id === preview.highlighted) continue;
            preview.highlighted = id;
            void preview.post({ type: 'highlight', id });
        }
    }

    dispose(): void {
        this.panels.forEach(panel => panel.panel.dispose());
        this.disposables.splice(0).forEach(disposable => disposable.dispose());
    }
}

/** Opens a ticket in the tracker, when a URL pattern is configured (`moat.tickets.urlPattern`). */
async function openTicket(ticket: string): Promise<void> {
    const pattern = vscode.workspace.getConfiguration('moat').get<string>('tickets.urlPattern', '');
    if (!pattern.includes('{ticket}')) {
        void vscode.window.showInformationMessage(`Moat: set "moat.tickets.urlPattern" (e.g. https://jira.example.com/browse/{ticket}) to open ${ticket}.`);
        return;
    }
    const target = vscode.Uri.parse(pattern.replace('{ticket}', encodeURIComponent(ticket)));
    if (target.scheme === 'https' || target.scheme === 'http') await vscode.env.openExternal(target);
}
