import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, isReference, TextDocument, URI, type AstNode, type CstNode, type LangiumDocument, type LangiumParser, type ParseResult } from 'langium';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain ES module without type declarations.
import { generateModel } from '../../bench/generate-model.mjs';
import { reparseDeclaration } from '../../language-server/parser/declaration-reparse.js';
import { buildFiles, createTestServices, REPO_ROOT, seededRandom, threatModelOf } from './helpers.js';

/**
 * The incremental re-parse must give exactly what a full parse gives: the same syntax tree with
 * the same positions (every CST node's offset and range, every AST node's properties, container
 * and references). Random edits, applied in a chain so that moved nodes are moved again, compare
 * the two after each edit.
 */

const payments = fs.readFileSync(path.join(REPO_ROOT, 'samples/payments/platform.tm'), 'utf8');
const generated: string = generateModel({ elements: 25 });
const tricky = [
    '// a comment before everything',
    'model M "M" { knowledgebase "moat:stride" }',
    'actor A "A" /* inside */ { trusted }  process P "P"',
    'process Q "Q" { tags [a, b] // trailing',
    '  answer spoofing "why" }',
    '/* between */ datastore S "S" { stores [D] }',
    'data D "D" { classification pii }\r\nflow A -> P "x" { carries D }\r\n',
    'boundary B "B" { process R "R" { x 1 } boundary C { actor Z } }',
    'threat T "T" { on A mitigated-by M1 }   mitigation M1 { status done }',
    'story U "U" without "leak" { threats [T] }',
    'external X "Ünïcödé 😀 label" { tags ["é"] }',
    ''
].join('\n');

const ALPHABET = ['a', 'Z', '1', '-', '.', ' ', '\n', '\r\n', '"', '{', '}', '[', ']', ',', '/', '*', '//', '/*', '*/', ':', 'process ', 'flow ', '->', '\t'];

const TYPED = ['a', 'Z', '1', '_', ' ', ' ', '\n', '\r\n', '\t'];

/** One random edit: mostly typing (letters, spaces, line breaks), sometimes a character that breaks the syntax. */
function randomEdit(text: string, next: () => number): string {
    const at = Math.floor(next() * (text.length + 1));
    const roll = next();
    const pick = (items: string[]) => items[Math.floor(next() * items.length)];
    if (roll < 0.6) return text.slice(0, at) + pick(TYPED) + text.slice(at);
    if (roll < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 2));
    return text.slice(0, at) + pick(ALPHABET) + text.slice(at + (next() < 0.5 ? 1 : 0));
}

const grammarIds = new Map<object, number>();
const idOf = (item: object | undefined) => item === undefined ? -1 : grammarIds.get(item) ?? grammarIds.set(item, grammarIds.size).get(item)!;

/** Everything about a parse result that a full parse determines, as comparable text. */
function describeParse(result: ParseResult<AstNode>): string[] {
    const lines: string[] = [`errors ${result.lexerErrors.length} ${result.parserErrors.length}`];
    const visit = (node: CstNode, depth: number) => {
        const range = node.range;
        const where = `${node.offset}+${node.length} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
        const children = (node as unknown as { content?: CstNode[] }).content;
        lines.push(`${depth} ${where} g${idOf(node.grammarSource)}${node.hidden ? ' hidden' : ''}${children ? ` ${node.astNode.$type}` : ` ${node.text}`}`);
        for (const child of children ?? []) {
            if (child.container !== node) lines.push('a child with another container');
            visit(child, depth + 1);
        }
    };
    visit(result.value.$cstNode!, 0);
    for (const node of AstUtils.streamAst(result.value)) {
        if (node.$cstNode?.astNode !== node) lines.push(`${node.$type}: its CST node belongs to another`);
        const fields = Object.entries(node).filter(([key]) => !key.startsWith('$')).map(([key, value]) => `${key}=${describeValue(value)}`);
        lines.push(`${node.$type} ${node.$containerProperty}[${node.$containerIndex}] in ${node.$container?.$type} at ${node.$cstNode?.offset}: ${fields.join(' ')}`);
        for (const child of AstUtils.streamContents(node)) if (child.$container !== node) lines.push(`${child.$type}: another container`);
    }
    return lines;
}

function describeValue(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(describeValue).join(',')}]`;
    if (isReference(value)) return `ref(${value.$refText}@${value.$refNode?.offset}:${JSON.stringify(value.$refNode?.range)})`;
    if (typeof value === 'object' && value !== null) return `node(${(value as AstNode).$type})`;
    return JSON.stringify(value);
}

function editChain(parser: LangiumParser, start: string, seed: number, edits: number): { incremental: number; full: number } {
    const next = seededRandom(seed);
    let text = start;
    let current = parser.parse(text);
    const counts = { incremental: 0, full: 0 };
    let lastClean = text;
    for (let step = 0; step < edits; step++) {
        // A broken text is usually mended next, as when typing; the mending edit is compared too.
        const broken = current.lexerErrors.length > 0 || current.parserErrors.length > 0;
        text = broken && next() < 0.7 ? lastClean : randomEdit(text, next);
        const reparsed = reparseDeclaration(current, text, parser);
        const full = parser.parse(text);
        if (reparsed) {
            counts.incremental++;
            const [got, wanted] = [describeParse(reparsed), describeParse(full)];
            if (got.join('\n') !== wanted.join('\n')) expect(got, `edit ${step} (seed ${seed})`).toEqual(wanted);
            current = reparsed;
        } else {
            counts.full++;
            current = full;
        }
        if (current.lexerErrors.length === 0 && current.parserErrors.length === 0) lastClean = text;
    }
    return counts;
}

describe('re-parsing only the edited declaration', () => {
    const parser = createTestServices().moat.parser.LangiumParser;

    test.each([
        ['the payments sample', payments, 11],
        ['a generated model', generated, 12],
        ['comments, CRLF, several declarations on a line', tricky, 13]
    ])('gives what a full parse gives, edit after edit: %s', (_name, text, seed) => {
        const counts = editChain(parser, text, seed, 300);
        // Both paths must be exercised, or the comparison proves nothing.
        expect(counts.incremental).toBeGreaterThan(40);
        expect(counts.full).toBeGreaterThan(10);
    }, 120_000);

    test('falls back to a full parse when the old text had errors or the edit crosses declarations', () => {
        const broken = parser.parse('process A "A" {\nprocess B "B"\n');
        expect(reparseDeclaration(broken, 'process A "AA" {\nprocess B "B"\n', parser)).toBeUndefined();
        const clean = parser.parse('process A "A"\nprocess B "B"\n');
        expect(reparseDeclaration(clean, 'process A "A"\nprocess B "B" process C\n', parser)).toBeUndefined();
        expect(reparseDeclaration(clean, 'process A "A"\n\nprocess B "B"\n', parser)).toBeUndefined();
        expect(reparseDeclaration(clean, 'process A "Ax"\nprocess B "B"\n', parser)).toBeDefined();
    });
});

describe('editing a document in the language server', () => {
    /** What a rebuilt document shows: its diagnostics and its threat model. */
    const outcome = (document: LangiumDocument) => JSON.stringify({ diagnostics: document.diagnostics, model: threatModelOf(document) });

    test('diagnostics and threat model after each edit are those of the same text built afresh', async () => {
        const services = createTestServices();
        const name = 'edited.tm';
        const uri = URI.parse(`file:///test/${name}`);
        let text = generateModel({ elements: 20 }) as string;
        const { [name]: document } = await buildFiles({ [name]: text }, services);
        const next = seededRandom(21);
        let reused = 0;
        let lastClean = text;
        for (let step = 0; step < 60; step++) {
            const broken = document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
            if (!broken) lastClean = text;
            text = broken && next() < 0.7 ? lastClean : randomEdit(text, next);
            const root = document.parseResult.value;
            services.shared.workspace.TextDocuments?.set(TextDocument.create(uri.toString(), 'moat', step + 2, text));
            await services.shared.workspace.DocumentBuilder.update([uri], []);
            if (document.parseResult.value === root) reused++;
            const fresh = (await buildFiles({ [name]: text }))[name];
            expect(outcome(document), `edit ${step}`).toBe(outcome(fresh));
        }
        // Most typing edits stay inside one declaration and take the incremental path.
        expect(reused).toBeGreaterThan(15);
    }, 120_000);

    test('the entities of declarations an edit did not touch are kept; those it moved get their new positions', async () => {
        const services = createTestServices();
        const name = 'kept.tm';
        const uri = URI.parse(`file:///test/${name}`);
        const text = 'model M "M"\nactor User "User"\nprocess Web "Web"\nflow Browse: User -> Web "Browse"\n';
        const { [name]: document } = await buildFiles({ [name]: text }, services);
        const entities = () => {
            const model = threatModelOf(document);
            return { user: model.elements.find(element => element.id === 'User')!, web: model.elements.find(element => element.id === 'Web')!, flow: model.flows[0] };
        };
        const edit = async (version: number, next: string) => {
            services.shared.workspace.TextDocuments?.set(TextDocument.create(uri.toString(), 'moat', version, next));
            await services.shared.workspace.DocumentBuilder.update([uri], []);
        };
        const before = entities();

        await edit(2, text.replace('"Web"\n', '"Web shop"\n'));
        const relabelled = entities();
        expect(relabelled.web.label).toBe('Web shop');
        expect(relabelled.user).toBe(before.user);
        expect(relabelled.flow).toBe(before.flow);

        // A line break inside Web's declaration moves the flow after it one line down.
        await edit(3, text.replace('process Web "Web"\n', 'process Web\n  "Web shop"\n'));
        const moved = entities();
        expect(moved.user).toBe(before.user);
        expect(moved.flow).not.toBe(before.flow);
        expect(moved.flow.location.range.start.line).toBe(before.flow.location.range.start.line + 1);
    });
});
