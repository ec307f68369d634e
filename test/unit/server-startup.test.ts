import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { GetPreviewRequest, GetQuestionsRequest, type PreviewData, type QuestionsResult } from '../../language-server/protocol.js';
import { REPO_ROOT } from './helpers.js';

let server: ChildProcess | undefined;
let connection: MessageConnection | undefined;

afterEach(() => {
    connection?.dispose();
    server?.kill();
});

/** Starts the bundled server (dist/server.cjs) on a workspace folder and returns as soon as it is initialised, before it has read the folder. */
async function startOn(folder: string): Promise<MessageConnection> {
    server = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.listen();
    const uri = pathToFileURL(folder).href;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, capabilities: {}, workspaceFolders: [{ uri, name: path.basename(folder) }] });
    await connection.sendNotification('initialized', {});
    return connection;
}

// An editor asks as soon as the server is up (a preview restored after a reload, the question prompt run at once):
// the answer must be the model, not "no such document" because the workspace was still being read.
test('Moat requests sent while the server reads the workspace wait for it', async () => {
    const folder = path.join(REPO_ROOT, 'samples/payments');
    const client = await startOn(folder);
    const model = pathToFileURL(path.join(folder, 'model.tm')).href;
    const checkout = pathToFileURL(path.join(folder, 'checkout.tm')).href;
    // As VS Code does for the editors it restores: the open file's text comes with the first messages.
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: checkout, languageId: 'moat', version: 1, text: fs.readFileSync(path.join(folder, 'checkout.tm'), 'utf8') } });
    const [preview, questions] = await Promise.all([
        client.sendRequest(GetPreviewRequest.method, { uri: model }) as Promise<PreviewData | null>,
        client.sendRequest(GetQuestionsRequest.method, { uri: checkout }) as Promise<QuestionsResult | null>
    ]);
    expect(preview?.diagram.nodes.length).toBeGreaterThan(0);
    expect(questions?.questions.length).toBeGreaterThan(0);
});
