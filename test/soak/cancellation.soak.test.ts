import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { GetQuestionsRequest, type QuestionsResult } from '../../language-server/protocol.js';
import { inMemoryUri, startServer, within, type LspServer } from './lsp-client.js';
// @ts-expect-error bench/generate-model.mjs is plain JavaScript without types
import { generateModel } from '../../bench/generate-model.mjs';

const REQUEST_CANCELLED = -32800;

/** Sends a request, cancels it after `afterMs`, and resolves with how it ended and how long after the cancellation. */
async function cancelAfter(server: LspServer, method: string, params: object, afterMs: number): Promise<{ code?: number; result?: unknown; latencyMs: number }> {
    const source = new CancellationTokenSource();
    const answer = server.request<object, unknown>(method, params, source.token).then(result => ({ result }), (error: { code?: number }) => ({ code: error.code }));
    await new Promise(resolve => setTimeout(resolve, afterMs));
    const cancelled = performance.now();
    source.cancel();
    const outcome = await within(60000, `${method} after $/cancelRequest`, answer);
    return { ...outcome, latencyMs: performance.now() - cancelled };
}

/**
 * A knowledge-base edit revalidates every open model (150 here): a request waiting for the model
 * built last is cancelled while the server works through the others, which it does in steps, so
 * the cancellation is answered at once instead of after the rebuild.
 */
describe('cancelling a request that waits for a workspace rebuild', () => {
    let server: LspServer;
    const models = Array.from({ length: 150 }, (_, index) => inMemoryUri(`workspace/model-${index}.tm`));
    const knowledgeBase = inMemoryUri('workspace/team.tmkb');
    let builtLast = '';

    beforeAll(async () => {
        server = await startServer();
        const order: string[] = [];
        await Promise.all(models.map((uri, index) => server.open(uri, generateModel({ elements: 30, seed: 100 + index }))));
        await Promise.all(models.map(uri => server.diagnosticsWhere(uri, () => true).then(() => order.push(uri))));
        builtLast = order[order.length - 1];
        const published = server.publishCount(builtLast);
        await server.open(knowledgeBase, 'knowledgebase "team" version "1.0.0"\n');
        await server.diagnosticsWhere(builtLast, () => server.publishCount(builtLast) > published);
    });

    afterAll(() => server?.stop());

    test('moat/getQuestions and codeAction answer RequestCancelled before the model is rebuilt', async () => {
        const published = server.publishCount(builtLast);
        await server.change(knowledgeBase, 2, [{ text: 'knowledgebase "team" version "1.0.1"\n' }]);
        // Both wait until the model is validated: moat/getQuestions is Moat's, codeAction Langium's.
        const [questions, codeActions] = await Promise.all([
            cancelAfter(server, GetQuestionsRequest.method, { uri: builtLast }, 20),
            cancelAfter(server, 'textDocument/codeAction', { textDocument: { uri: builtLast }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, 20)
        ]);
        const rebuiltYet = server.publishCount(builtLast) > published;
        const rebuild = performance.now();
        await server.diagnosticsWhere(builtLast, () => server.publishCount(builtLast) > published, 60000);
        console.log(`cancellation during a 150-model rebuild: moat/getQuestions answered ${questions.latencyMs.toFixed(0)} ms, codeAction ${codeActions.latencyMs.toFixed(0)} ms after $/cancelRequest; the model was rebuilt ${(performance.now() - rebuild).toFixed(0)} ms later`);
        expect(questions).toMatchObject({ code: REQUEST_CANCELLED });
        // Langium's own handlers too: an error response, not a result that reads `{ code: -32800 }`.
        expect(codeActions).toMatchObject({ code: REQUEST_CANCELLED });
        expect(codeActions.result).toBeUndefined();
        expect(rebuiltYet).toBe(false);
        expect(questions.latencyMs).toBeLessThan(2000);
    });

    test('answers the same request once the rebuild is done', async () => {
        const answer = await within(10000, 'moat/getQuestions', server.request(GetQuestionsRequest, { uri: builtLast })) as QuestionsResult;
        expect(answer.questions.length).toBeGreaterThan(0);
        expect(server.exits).toEqual([]);
    });
});

/**
 * A generated 10,000-element model (2.8 MB): a `moat/getQuestions` cancelled while the model is
 * rebuilt ends with RequestCancelled instead of its ~120,000 questions, and the server answers
 * afterwards. The server reads the cancellation only between the build's synchronous steps; the
 * longest, the STRIDE analysis in validation, takes seconds on this model.
 */
describe('cancelling moat/getQuestions on a 10,000-element model', () => {
    let server: LspServer;
    const uri = inMemoryUri('big/model-10000.tm');
    const text = generateModel({ elements: 10000, seed: 1 }) as string;
    let firstBuildMs = 0;

    beforeAll(async () => {
        server = await startServer();
        const started = performance.now();
        await server.open(uri, text);
        await server.diagnosticsWhere(uri, () => true, 90000);
        firstBuildMs = performance.now() - started;
    });

    afterAll(() => server?.stop());

    test('ends with RequestCancelled, and the server still answers', async () => {
        const published = server.publishCount(uri);
        await server.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' }]);
        const questions = await cancelAfter(server, GetQuestionsRequest.method, { uri }, 100);
        expect(questions).toMatchObject({ code: REQUEST_CANCELLED });
        await server.diagnosticsWhere(uri, () => server.publishCount(uri) > published, 90000);
        const started = performance.now();
        const symbols = await within(20000, 'documentSymbol', server.request<object, unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }));
        expect(symbols.length).toBeGreaterThan(0);
        const answered = performance.now() - started;
        console.log(`10,000-element model: first build ${firstBuildMs.toFixed(0)} ms; cancelled moat/getQuestions answered ${questions.latencyMs.toFixed(0)} ms after $/cancelRequest; documentSymbol afterwards ${answered.toFixed(0)} ms; RSS ${server.rssMb().toFixed(0)} MB`);
        expect(server.exits).toEqual([]);
    });
});
