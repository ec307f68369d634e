import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GetQuestionsRequest, type QuestionsResult } from '../../language-server/protocol.js';
import { inMemoryUri, startServer, within, type ContentChange, type LspServer, type PublishedDiagnostics } from './lsp-client.js';
import { typingBurst } from './typing-burst.js';
// @ts-expect-error bench/generate-model.mjs is plain JavaScript without types
import { generateModel } from '../../bench/generate-model.mjs';

/** What a diagnostic says and where, without the document's URI (the same text at another URI must compare equal). */
function summary(published: PublishedDiagnostics, uri: string): string[] {
    return published.diagnostics
        .map(each => `${each.range.start.line}:${each.range.start.character} ${each.code ?? ''} ${each.message.split(uri).join('<uri>')}`)
        .sort();
}

/**
 * 200 `didChange` edits sent without waiting, as VS Code sends them while someone types: mostly
 * one-character range edits, some deletions, every 40th a full-text change. The diagnostics left
 * are those of the last version, and the server still answers afterwards.
 */
describe('a burst of 200 edits', () => {
    let server: LspServer;
    const uri = inMemoryUri('edit-burst.tm');
    const base = generateModel({ elements: 60, seed: 7 }) as string;
    // The text after one timed edit, where the burst's typing starts.
    const edited = `${base}// edited once\n`;
    const burst = typingBurst(edited, 200);

    /** How long one edit takes to show its diagnostics: the burst should not cost much more. */
    let oneEditMs = 0;

    beforeAll(async () => {
        server = await startServer();
        await server.open(uri, base);
        await server.diagnosticsWhere(uri, () => true);
        const published = server.publishCount(uri);
        const started = performance.now();
        await server.change(uri, 2, [{ text: edited }]);
        await server.diagnosticsWhere(uri, () => server.publishCount(uri) > published);
        oneEditMs = performance.now() - started;
    });

    afterAll(() => server?.stop());

    test('leaves the diagnostics of the last version, and only those', async () => {
        const started = performance.now();
        const sent: Promise<void>[] = burst.edits.map((changes: ContentChange[], index) => server.change(uri, index + 3, changes));
        await Promise.all(sent);
        const written = performance.now() - started;
        // The typed flow goes from Burst to itself: only the finished text has that diagnostic.
        await server.diagnosticsWhere(uri, published => published.diagnostics.some(each => each.code === 'self-flow' && each.message.includes("'Typed'")), 60000);
        const settled = performance.now() - started;
        // A request that waits for the build: afterwards no older version can still be on its way.
        await within(30000, 'moat/getQuestions after the burst', server.request(GetQuestionsRequest, { uri }));
        await new Promise(resolve => setTimeout(resolve, 500));
        const publications = server.publishCount(uri) - 2;
        console.log(`edit burst: 200 edits written in ${written.toFixed(0)} ms, last version's diagnostics after ${settled.toFixed(0)} ms (one edit: ${oneEditMs.toFixed(0)} ms), ${publications} publications for 200 versions`);
        const last = server.published(uri)!;
        // Langium publishes without a version; if it ever sends one, it must be the last.
        expect(last.version === undefined || last.version === 202).toBe(true);
        // Versions superseded before their build started are not built: a few publications, not one per version
        // (a count, not a time, so a loaded machine does not fail it; it batches more, if anything).
        expect(publications).toBeLessThan(20);

        const fresh = inMemoryUri('edit-burst-final.tm');
        await server.open(fresh, burst.finalText);
        const expected = await server.diagnosticsWhere(fresh, () => true);
        expect(summary(last, uri)).toEqual(summary(expected, fresh));
        // Half-typed versions had syntax errors and unresolved names on the typed lines; only the finished text's remain.
        const typed = last.diagnostics.filter(each => each.range.start.line >= burst.firstTypedLine).map(each => each.code);
        expect(typed).toContain('self-flow');
        expect(typed.filter(code => code !== 'self-flow' && code !== 'unanswered-question')).toEqual([]);
    });

    test('answers hover, documentSymbol and moat/getQuestions on the last version afterwards', async () => {
        const line = burst.finalText.split('\n').findIndex(text => text.startsWith('flow Typed:'));
        const hover = await within(10000, 'hover', server.request<object, { contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 'flow Typed: Bu'.length } }));
        expect(JSON.stringify(hover?.contents)).toContain('The worker typed in a burst.');
        const symbols = await within(10000, 'documentSymbol', server.request<object, { name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } }));
        expect(JSON.stringify(symbols)).toContain('"name":"Typed"');
        const questions = await within(10000, 'moat/getQuestions', server.request(GetQuestionsRequest, { uri })) as QuestionsResult;
        expect(questions.questions.some(question => question.id === 'tampering@Burst')).toBe(true);
        expect(server.exits).toEqual([]);
    });
});
