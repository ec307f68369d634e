import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
    AnswerQuestionRequest, GetPreviewRequest, GetSummaryRequest, GetQuestionsRequest, ModelChangedNotification, RenderPictureRequest, type AnswerQuestionResult,
    type ModelChangedParams, type PreviewData, type QuestionsResult
} from '../../language-server/protocol.js';
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
    const changed: string[] = [];

    beforeAll(async () => {
        server = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
            published.set(params.uri, params);
            waiters.splice(0).forEach(wake => wake());
        });
        connection.onNotification(ModelChangedNotification.method, (params: ModelChangedParams) => {
            changed.push(...params.uris);
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

    test('moat/getPreview returns the diagram, traceability view, questions and source locations of a model, and moat/modelChanged announces it', async () => {
        const text = 'model Shop "Shop"\nactor User "User"\nboundary Dmz "DMZ" { process Web "Web" }\nflow Browse: User -> Web "Browse" { protocol http }\n'
            + 'story Buy "As a user I want to buy" without "my card leaking" { threats [Leak] }\nthreat Leak "Leak" { on Web  stride information-disclosure  severity high }\n';
        const uri = pathToFileURL(path.join(REPO_ROOT, 'test/fixtures', 'lsp-preview.tm')).href;
        await open('lsp-preview.tm', 'moat', text);
        while (!changed.includes(uri)) await new Promise<void>(wake => waiters.push(wake));
        const preview = await connection.sendRequest(GetPreviewRequest.method, { uri }) as PreviewData;
        expect(preview.title).toBe('Shop');
        expect(preview.diagram.nodes.map(node => node.id)).toEqual(['User', 'Web']);
        expect(preview.diagram.edges[0]).toMatchObject({ id: 'Browse', crossing: true });
        expect(preview.trace.links).toContainEqual({ from: 'Buy', to: 'Leak' });
        expect(preview.locations.Web).toMatchObject({ uri, range: { start: { line: 2 } } });
        expect(preview.counts).toMatchObject({ elements: 2, flows: 1 });
        expect(preview.counts.openThreats).toBeGreaterThan(0);
        expect(await connection.sendRequest(GetPreviewRequest.method, { uri: 'file:///nowhere.tm' })).toBeNull();
        // The status item asks only for the title and counts, the same as the preview's.
        expect(await connection.sendRequest(GetSummaryRequest.method, { uri })).toEqual({ title: preview.title, counts: preview.counts });
        expect(await connection.sendRequest(GetSummaryRequest.method, { uri: 'file:///nowhere.tm' })).toBeNull();
    });

    test('moat/renderPicture draws a document, or text such as a Markdown fence, as SVG or Mermaid', async () => {
        const fence = await connection.sendRequest(RenderPictureRequest.method, { text: 'actor A "Alice"\nprocess P "Pay"\nflow A -> P "card"\n', options: { format: 'svg', view: 'dfd' } }) as { picture: string };
        expect(fence.picture).toMatch(/^<svg[^>]*class="moat-dfd"/);
        expect(fence.picture).toContain('>Alice<');
        const mermaid = await connection.sendRequest(RenderPictureRequest.method, { text: 'actor A "Alice"\n', options: { format: 'mermaid', view: 'dfd' } }) as { picture: string };
        expect(mermaid.picture).toMatch(/^flowchart LR/);
        expect([...published.keys()].filter(key => key.startsWith('moat-fence:'))).toEqual([]);
    });

    test('moat/answerQuestion returns the minimal edit that writes an answer, for the version it was computed on', async () => {
        const uri = pathToFileURL(path.join(REPO_ROOT, 'test/fixtures', 'lsp-answer.tm')).href;
        await open('lsp-answer.tm', 'moat', 'actor User "User"\nprocess Web "Web" {\n  exposed\n}\n');
        const result = await connection.sendRequest(AnswerQuestionRequest.method, { uri, subject: 'Web', category: 'spoofing', text: 'mTLS "everywhere"', notApplicable: false }) as AnswerQuestionResult;
        expect(result).toEqual({ uri, version: 1, edit: { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '  answer spoofing "mTLS \\"everywhere\\""\n' } });
        const notApplicable = await connection.sendRequest(AnswerQuestionRequest.method, { uri, subject: 'User', category: 'repudiation', text: 'read-only', notApplicable: true }) as AnswerQuestionResult;
        expect(notApplicable.edit.newText).toBe(' {\n  answer repudiation not-applicable "read-only"\n}');
        expect(await connection.sendRequest(AnswerQuestionRequest.method, { uri, subject: 'Nobody', category: 'spoofing', text: 'x', notApplicable: false })).toBeNull();
    });

    /** A shop whose web app has a threat, Leak (with the given severity terms), mitigated by a planned Tls and motivated by a story. */
    const shopWithLeak = (header: string, severity: string) => `${header}actor User "User"\nprocess Web "Web" { exposed }\n`
        + 'flow Browse: User -> Web "Browse" { protocol http }\nstory Buy "As a user I want to buy" without "my card leaking" { threats [Leak] }\n'
        + `threat Leak "Card leaks" { on Web  stride information-disclosure  ${severity}  cwe 319  mitigated-by Tls }\nmitigation Tls "TLS" { status planned  ticket "SEC-1" }\n`;

    test('hover on a threat or a reference to it tells its status, severity, STRIDE, categorisation, mitigations and stories; on an element its open threats', async () => {
        const text = shopWithLeak('', 'severity high');
        const uri = pathToFileURL(path.join(REPO_ROOT, 'test/fixtures', 'lsp-hover.tm')).href;
        await open('lsp-hover.tm', 'moat', text);
        const hover = async (line: number, character: number) => ((await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { contents: { value: string } } | null)?.contents.value ?? '';
        const onThreat = await hover(4, 8);
        expect(onThreat).toContain('**Threat** · high · open · information disclosure');
        expect(onThreat).toContain('CWE-319: Cleartext Transmission of Sensitive Information');
        expect(onThreat).toContain('Tls (planned, SEC-1)');
        expect(onThreat).toContain('As a user I want to buy');
        expect(await hover(3, 74)).toBe(onThreat);
        const onElement = await hover(1, 9);
        expect(onElement).toMatch(/\*\*process\*\* · \d+ open threats?, worst high · \d+ of \d+ STRIDE questions open/);
        expect(onElement).toContain('Card leaks (high)');
    });

    test('CodeLens carry open threats and questions above elements and flows, threats → mitigations above stories, and the preview above the model', async () => {
        const text = shopWithLeak('model Shop "Shop"\n', 'impact high  likelihood high');
        const uri = pathToFileURL(path.join(REPO_ROOT, 'test/fixtures', 'lsp-lens.tm')).href;
        await open('lsp-lens.tm', 'moat', text);
        type Lens = { range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } };
        const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Lens[];
        const byLine = new Map(lenses.map(lens => [lens.range.start.line, lens.command]));
        expect(byLine.get(0)).toMatchObject({ command: 'moat.openPreviewToSide', arguments: [uri] });
        expect(byLine.get(2)?.title).toMatch(/^\d+ open threats? · \d+ questions?$/);
        expect(byLine.get(2)).toMatchObject({ command: 'moat.askQuestions', arguments: [uri, 'Web'] });
        expect(byLine.get(4)).toMatchObject({ title: 'Leak → Tls (planned)', command: 'moat.revealDeclaration', arguments: [uri, 'Leak'] });
        const hints = await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } } }) as { position: { line: number }; label: string }[];
        expect(hints).toEqual([expect.objectContaining({ position: { line: 5, character: 11 }, label: 'open · high' })]);
        const links = await connection.sendRequest('textDocument/documentLink', { textDocument: { uri } }) as { target: string }[];
        expect(links.map(link => link.target)).toEqual(['https://cwe.mitre.org/data/definitions/319.html']);
    });

    test('semantic tokens colour a name by what it names, where it is declared and where it is used', async () => {
        const uri = pathToFileURL(path.join(REPO_ROOT, 'test/fixtures', 'lsp-tokens.tm')).href;
        await open('lsp-tokens.tm', 'moat', 'actor User "User"\nprocess Web "Web"\nflow Browse: User -> Web "Browse"\n');
        const { data } = await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }) as { data: number[] };
        // Five relative positions per token: line delta, start delta, length, type, modifiers.
        const tokens: { line: number; start: number; length: number; type: number }[] = [];
        for (let index = 0, line = 0, start = 0; index < data.length; index += 5) {
            line += data[index];
            start = data[index] === 0 ? start + data[index + 1] : data[index + 1];
            tokens.push({ line, start, length: data[index + 2], type: data[index + 3] });
        }
        const typeAt = (line: number, start: number) => tokens.find(token => token.line === line && token.start === start)?.type;
        expect(tokens.length).toBe(5);
        expect(typeAt(2, 13)).toBe(typeAt(0, 6));
        expect(typeAt(2, 21)).toBe(typeAt(1, 8));
        expect(typeAt(0, 6)).not.toBe(typeAt(1, 8));
    });
});
