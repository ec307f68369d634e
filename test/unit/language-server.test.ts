import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { GetQuestionsRequest, type QuestionsResult } from '../../language-server/protocol.js';
import { REPO_ROOT } from './helpers.js';

interface PublishedDiagnostics {
    uri: string;
    diagnostics: { code?: string; message: string; range: { start: { line: number } } }[];
}

/** The bundled server (dist/server.cjs, built by `npm test`) driven over stdio as an editor would. */
describe('language server over stdio', () => {
    let server: ChildProcess;
    let connection: MessageConnection;
    const published = new Map<string, PublishedDiagnostics>();
    const waiters: (() => void)[] = [];

    beforeAll(async () => {
        server = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
            published.set(params.uri, params);
            waiters.splice(0).forEach(wake => wake());
        });
        connection.listen();
        await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
        await connection.sendNotification('initialized', {});
    });

    afterAll(async () => {
        connection?.dispose();
        server?.kill();
    });

    async function open(name: string, languageId: string, text: string): Promise<PublishedDiagnostics> {
        const uri = pathToFileURL(path.join(REPO_ROOT, 'test/fixtures', name)).href;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
        while (!published.has(uri)) await new Promise<void>(wake => waiters.push(wake));
        return published.get(uri)!;
    }

    test('publishes located diagnostics with codes for an open .tm document', async () => {
        const result = await open('lsp-model.tm', 'moat', 'actor User "User"\nprocess Web "Web"\nflow User -> Web "Browse"\nflow Loop: Web -> Web "Again"\n');
        const selfFlow = result.diagnostics.find(diagnostic => diagnostic.code === 'self-flow');
        expect(selfFlow?.range.start.line).toBe(3);
    });

    test('moat/getQuestions returns the STRIDE questions of a document with their status', async () => {
        const text = 'actor User "User" { answer spoofing "SSO with a hardware key" }\nprocess Web "Web"\nflow Browse: User -> Web "Browse"\n';
        const uri = pathToFileURL(path.join(REPO_ROOT, 'test/fixtures', 'lsp-questions.tm')).href;
        await open('lsp-questions.tm', 'moat', text);
        const result = await connection.sendRequest(GetQuestionsRequest.method, { uri }) as QuestionsResult;
        expect(result.questions.find(question => question.id === 'spoofing@User')).toMatchObject({ status: 'answered', answer: 'SSO with a hardware key' });
        expect(result.questions.find(question => question.id === 'tampering@Web')).toMatchObject({ status: 'open', text: expect.stringContaining('Web') });
        expect(result.questions.some(question => question.id === 'tampering@Browse')).toBe(true);
        expect(await connection.sendRequest(GetQuestionsRequest.method, { uri: 'file:///nowhere.tm' })).toBeNull();
    });

    test('serves .tmkb knowledge bases too', async () => {
        const result = await open('lsp-kb.tmkb', 'moat-kb', 'knowledgebase "team" version "1.0.0"\nattribute sealed: boolean on flow\n');
        expect(result.diagnostics).toEqual([]);
    });
});
