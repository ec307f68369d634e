import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The languages the server speaks: `.tm` models and `.tmkb` knowledge bases, saved or not. */
export const DOCUMENT_SELECTOR = [
    { language: 'moat', scheme: 'file' }, { language: 'moat', scheme: 'untitled' },
    { language: 'moat-kb', scheme: 'file' }, { language: 'moat-kb', scheme: 'untitled' }
];

/** Starts the language client for the bundled server (`dist/server.cjs`) over IPC, logging to `log`. */
export async function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<LanguageClient> {
    const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: DOCUMENT_SELECTOR,
        outputChannel: log,
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{tm,tmkb}') }
    };
    const client = new LanguageClient('moat', 'Moat', serverOptions, clientOptions);
    await client.start();
    return client;
}
