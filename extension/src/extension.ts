import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ModelChangedNotification, RenderPictureRequest, type ModelChangedParams } from '../../language-server/protocol.js';
import { startLanguageClient } from './language-client.js';
import { markdownFences } from './markdown/markdown-fences.js';
import { PreviewPanels } from './preview/preview-panels.js';
import { askQuestions } from './questions/ask-questions.js';
import { LanguageStatus } from './status/language-status.js';

/** What `activate` returns: for tests, and for VS Code's Markdown preview (`extendMarkdownIt`). */
export interface MoatApi {
    /** Resolves with the language client once the server is running. */
    ready: Promise<LanguageClient>;
    /** The open previews. */
    previews(): PreviewPanels | undefined;
    extendMarkdownIt: ReturnType<typeof markdownFences>;
}

/** Starts the language client and registers the preview, the question prompt, the status item and Markdown fences. */
export function activate(context: vscode.ExtensionContext): MoatApi {
    let previews: PreviewPanels | undefined;
    const ready = startLanguageClient(context).then(client => {
        context.subscriptions.push(client);
        const ask = (uri: string, subject?: string) => askQuestions(client, context.workspaceState, uri, subject);
        previews = new PreviewPanels(context.extensionUri, client, ask);
        const status = new LanguageStatus(uri => previews!.fetch(uri));
        context.subscriptions.push(previews, status,
            client.onNotification(ModelChangedNotification.method, ({ uris }: ModelChangedParams) => {
                previews!.modelsChanged(uris);
                void status.update();
            }),
            vscode.window.onDidChangeActiveTextEditor(() => void status.update()));
        void status.update();
        return client;
    });
    const modelUri = (uri?: vscode.Uri) => {
        const target = uri ?? vscode.window.activeTextEditor?.document.uri;
        return target && /\.tm$/i.test(target.path) ? target.toString() : undefined;
    };
    const openPreview = async (uri: vscode.Uri | undefined, column: vscode.ViewColumn) => {
        const target = modelUri(uri);
        if (!target) return void vscode.window.showInformationMessage('Moat: open a .tm file to preview its model.');
        await ready;
        previews!.open(target, column);
    };
    context.subscriptions.push(
        vscode.commands.registerCommand('moat.openPreviewToSide', (uri?: vscode.Uri) => openPreview(uri, vscode.ViewColumn.Beside)),
        vscode.commands.registerCommand('moat.openPreview', (uri?: vscode.Uri) => openPreview(uri, vscode.ViewColumn.Active)),
        vscode.commands.registerCommand('moat.askQuestions', async (uri?: vscode.Uri) => {
            const target = modelUri(uri);
            if (!target) return void vscode.window.showInformationMessage('Moat: open a .tm file to answer its STRIDE questions.');
            await askQuestions(await ready, context.workspaceState, target);
        })
    );
    const renderFence = async (text: string) => {
        const client = await ready;
        const result = await client.sendRequest<{ picture: string } | null>(RenderPictureRequest.method, { text, options: { format: 'svg', view: 'dfd' } });
        return result?.picture ?? null;
    };
    return { ready, previews: () => previews, extendMarkdownIt: markdownFences(renderFence) };
}

/** Nothing to do: everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
