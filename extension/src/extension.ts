import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, GetPreviewRequest, GetSummaryRequest, ModelChangedNotification, RenderPictureRequest, type ModelChangedParams, type ModelSummary, type PreviewData } from '../../language-server/protocol.js';
import { startLanguageClient } from './language-client.js';
import { markdownFences } from './markdown/markdown-fences.js';
import { PREVIEW_VIEW_TYPE, PreviewPanels } from './preview/preview-panels.js';
import { askQuestions } from './questions/ask-questions.js';
import { LanguageStatus } from './status/language-status.js';

/** What `activate` returns: for tests, and for VS Code's Markdown preview (`extendMarkdownIt`). */
export interface MoatApi {
    /** Resolves with the language client once the server is running. */
    ready: Promise<LanguageClient>;
    /** The open previews. */
    previews(): PreviewPanels;
    extendMarkdownIt: ReturnType<typeof markdownFences>;
}

/** Starts the language client and registers the preview, the question prompt, the status item and Markdown fences. */
export function activate(context: vscode.ExtensionContext): MoatApi {
    // One channel for the language client and the extension's own lines (Output › Moat).
    const log = vscode.window.createOutputChannel('Moat', { log: true });
    const ready = startLanguageClient(context, log);
    const ask = async (uri: string, subject?: string) => askQuestions(await ready, context.workspaceState, uri, subject);
    const previews = new PreviewPanels(context.extensionUri, ready, ask, log);
    const status = new LanguageStatus(async uri => (await ready).sendRequest<ModelSummary | null>(GetSummaryRequest.method, { uri }));
    context.subscriptions.push(log, previews, status,
        // Registered during activation, as VS Code requires to restore previews after a reload; a restored
        // panel shows its page at once and its diagram once the language server answers.
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => previews.restore(panel, state) }),
        vscode.window.onDidChangeActiveTextEditor(() => void status.update()));
    ready.then(client => {
        context.subscriptions.push(client, client.onNotification(ModelChangedNotification.method, ({ uris }: ModelChangedParams) => {
            previews.modelsChanged(uris);
            // The status item shows the active file's model: recount only when that one changed.
            const active = vscode.window.activeTextEditor?.document.uri.toString();
            if (active && uris.includes(active)) void status.update();
        }));
        void status.update();
    }, (error: unknown) => log.error(`The Moat language server did not start: ${error instanceof Error ? error.message : String(error)}`));
    // From the palette or a menu the argument is a Uri; from a CodeLens of the server, a string.
    const modelUri = (uri?: vscode.Uri | string) => {
        const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? vscode.window.activeTextEditor?.document.uri;
        return target && /\.tm$/i.test(target.path) ? target.toString() : undefined;
    };
    // The panel opens at once; its diagram follows when the language server answers.
    const openPreview = (uri: vscode.Uri | string | undefined, column: vscode.ViewColumn) => {
        const target = modelUri(uri);
        if (target) previews.open(target, column);
        else void vscode.window.showInformationMessage('Moat: open a .tm file to preview its model.');
    };
    context.subscriptions.push(
        vscode.commands.registerCommand(ClientCommands.openPreview, (uri?: vscode.Uri | string) => openPreview(uri, vscode.ViewColumn.Beside)),
        vscode.commands.registerCommand('moat.openPreview', (uri?: vscode.Uri | string) => openPreview(uri, vscode.ViewColumn.Active)),
        vscode.commands.registerCommand(ClientCommands.askQuestions, async (uri?: vscode.Uri | string, subject?: unknown) => {
            const target = modelUri(uri);
            if (!target) return void vscode.window.showInformationMessage('Moat: open a .tm file to answer its STRIDE questions.');
            await ask(target, typeof subject === 'string' ? subject : undefined);
        }),
        vscode.commands.registerCommand(ClientCommands.revealDeclaration, async (uri?: unknown, id?: unknown) => {
            if (typeof uri !== 'string' || typeof id !== 'string') return;
            const data = await (await ready).sendRequest<PreviewData | null>(GetPreviewRequest.method, { uri });
            const location = data && Object.hasOwn(data.locations, id) ? data.locations[id] : undefined;
            if (!location) return;
            const { start, end } = location.range;
            await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) });
        })
    );
    const fences = markdownFences({
        render: async text => (await (await ready).sendRequest<{ picture: string } | null>(RenderPictureRequest.method, { text, options: { format: 'svg', view: 'dfd' } }))?.picture ?? null,
        refresh: () => void vscode.commands.executeCommand('markdown.preview.refresh'),
        log: message => log.warn(message)
    });
    return { ready, previews: () => previews, extendMarkdownIt: fences };
}

/** Nothing to do: everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
