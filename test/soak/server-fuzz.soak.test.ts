import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mutate, mutationArbitrary } from '../../fuzz/mutations.js';
import { GetQuestionsRequest, type QuestionsResult } from '../../language-server/protocol.js';
import { REPO_ROOT, startServer, within, type LspServer } from './lsp-client.js';
import { rangeChange } from './text-positions.js';

const INPUTS = 400;
const SEED = 20261123;
/** Each request after an input must answer within this; the fuzzer's in-process bound is 5 s for the whole pipeline. */
const ANSWER_BOUND_MS = 15000;

/** The fuzzer's corpus (fuzz/fuzz.ts): the invalid samples, the payments model, the hostile and design fixtures. */
function corpus(): string[] {
    const folder = (name: string) => fs.readdirSync(path.join(REPO_ROOT, name)).filter(file => file.endsWith('.tm')).map(file => path.join(REPO_ROOT, name, file));
    const files = [...folder('samples/invalid'), ...folder('samples/payments'), path.join(REPO_ROOT, 'test/fixtures/hostile/hostile.tm'), path.join(REPO_ROOT, 'test/fixtures/design-example.tm')];
    return files.filter(file => fs.existsSync(file)).map(file => fs.readFileSync(file, 'utf8'));
}

/**
 * The language server process fed fuzz-mutated models (fuzz/mutations.ts, fixed seed) as edits of
 * one open document, alternately as a range edit and as the full text: after each input it answers
 * documentSymbol and moat/getQuestions in time, logs no caught exception, and never exits.
 */
describe('the server answers after each fuzzed input', () => {
    let server: LspServer;
    // Beside the payments model, so that mutated imports of its files resolve on disk.
    const uri = pathToFileURL(path.join(REPO_ROOT, 'samples/payments/soak-fuzz-input.tm')).href;
    const texts = corpus();
    let current = '';
    let version = 1;

    beforeAll(async () => {
        server = await startServer();
        await server.open(uri, current);
    });

    afterAll(() => server?.stop());

    test(`${INPUTS} inputs`, async () => {
        let slowest = 0;
        const property = fc.asyncProperty(fc.nat(texts.length - 1), fc.array(mutationArbitrary(), { minLength: 1, maxLength: 8 }), async (which, mutations) => {
            const input = mutate(texts[which], mutations);
            await server.change(uri, ++version, [version % 2 === 0 ? rangeChange(current, input) : { text: input }]);
            current = input;
            const started = performance.now();
            await within(ANSWER_BOUND_MS, `documentSymbol after input ${version - 1}`, server.request('textDocument/documentSymbol', { textDocument: { uri } }));
            const questions = await within(ANSWER_BOUND_MS, `moat/getQuestions after input ${version - 1}`, server.request(GetQuestionsRequest, { uri }));
            slowest = Math.max(slowest, performance.now() - started);
            expect(questions?.uri).toBe(uri);
            expect(server.loggedErrors).toEqual([]);
            expect(server.exits).toEqual([]);
        });
        await fc.assert(property, { numRuns: INPUTS, seed: SEED, endOnFailure: true });
        console.log(`server fuzz: ${INPUTS} inputs (seed ${SEED}), slowest answer ${slowest.toFixed(0)} ms`);
    });

    test('analyses a known model correctly after the fuzzed inputs', async () => {
        const canary = 'actor User "User"\nboundary Dmz "DMZ" { process Web "Web" }\nflow Pay: User -> Web { protocol http }\nflow Loop: Web -> Web "Again"\n';
        await server.change(uri, ++version, [{ text: canary }]);
        const published = await server.diagnosticsWhere(uri, each => each.diagnostics.some(diagnostic => diagnostic.code === 'self-flow'));
        expect(published.diagnostics.find(diagnostic => diagnostic.code === 'self-flow')?.range.start.line).toBe(3);
        const questions = await server.request(GetQuestionsRequest, { uri }) as QuestionsResult;
        expect(questions.questions.some(question => question.id === 'spoofing@User')).toBe(true);
        expect(server.exits).toEqual([]);
    });
});
