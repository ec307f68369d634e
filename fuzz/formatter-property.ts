// The formatter's contract, checked on any text (the fuzzer's inputs, the shipped samples): a text
// that parses cleanly formats to one that parses cleanly to the same syntax tree, with the same
// comments, and formatting that again changes nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CstUtils, isAstNode, isReference, TextDocument, URI, type AstNode, type LangiumDocument } from 'langium';
import type { MoatLanguageServices } from '../language-server/moat-module.js';
import { mutate, mutationArbitrary } from './mutations.js';

let counter = 0;

/** Parses a `.tm` or `.tmkb` text on its own, without linking or validation. */
export function parseText(services: MoatLanguageServices, text: string, extension: 'tm' | 'tmkb'): LangiumDocument {
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///formatter/text-${++counter}.${extension}`));
}

/** Whether the lexer and parser accepted the document. */
export function parsesCleanly(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
}

/** The formatter's edits for a document, and the text they produce. */
export async function formatDocument(services: MoatLanguageServices, document: LangiumDocument): Promise<{ edits: number; text: string }> {
    const language = document.uri.path.endsWith('.tmkb') ? services.knowledgeBase : services.moat;
    const params = { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } };
    const edits = await language.lsp.Formatter!.formatDocument(document, params);
    return { edits: edits.length, text: TextDocument.applyEdits(document.textDocument, edits) };
}

/** Every comment of a parsed document in order, with the white space at its line ends removed (the formatter removes it). */
export function commentsOf(document: LangiumDocument): string[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    const comments: string[] = [];
    for (const node of CstUtils.streamCst(root)) {
        if (node.hidden) comments.push(node.text.split(/\r\n|\r|\n/).map(line => line.trimEnd()).join('\n'));
    }
    return comments;
}

/** A syntax tree as plain data: node types, properties and reference texts, without positions. */
export function astShape(value: unknown): unknown {
    if (isReference(value)) return { $refText: value.$refText };
    if (Array.isArray(value)) return value.map(astShape);
    if (!isAstNode(value)) return value;
    const properties = Object.entries(value).filter(([key]) => !key.startsWith('$'));
    return { $type: value.$type, ...Object.fromEntries(properties.map(([key, property]) => [key, astShape(property)])) };
}

/** Whether a text parsed cleanly (the contract applies only then), and what is wrong with formatting it if anything. */
export interface FormattingVerdict {
    parsed: boolean;
    problem?: string;
}

/** Checks the formatter's contract on one text. */
export async function checkFormatting(services: MoatLanguageServices, text: string, extension: 'tm' | 'tmkb'): Promise<FormattingVerdict> {
    const before = parseText(services, text, extension);
    if (!parsesCleanly(before)) return { parsed: false };
    const formatted = await formatDocument(services, before);
    const after = parseText(services, formatted.text, extension);
    const shown = (value: string) => JSON.stringify(value.slice(0, 2000));
    if (!parsesCleanly(after)) return { parsed: true, problem: `the formatted text does not parse: ${shown(formatted.text)}` };
    if (JSON.stringify(commentsOf(after)) !== JSON.stringify(commentsOf(before))) return { parsed: true, problem: 'formatting lost or changed a comment' };
    if (JSON.stringify(astShape(root(after))) !== JSON.stringify(astShape(root(before)))) return { parsed: true, problem: 'formatting changed the syntax tree' };
    const again = await formatDocument(services, after);
    if (again.edits > 0) return { parsed: true, problem: `formatting is not idempotent: ${shown(formatted.text)} → ${shown(again.text)}` };
    return { parsed: true };
}

/** The knowledge bases the fuzzer mutates to exercise the `.tmkb` formatter: the built-in one, the samples and the fixtures. */
export function knowledgeBaseTexts(root: string): string[] {
    const folders = [path.join(root, 'knowledge', 'stride'), path.join(root, 'samples', 'invalid'), path.join(root, 'test', 'fixtures')];
    return folders.filter(folder => fs.existsSync(folder)).flatMap(folder => fs.readdirSync(folder)
        .filter(name => name.endsWith('.tmkb')).map(name => fs.readFileSync(path.join(folder, name), 'utf8')));
}

/** A fast-check property: every mutation of a knowledge base that still parses formats by the contract. */
export function knowledgeBaseFormatting(services: MoatLanguageServices, texts: string[], onParsed: () => void) {
    return fc.asyncProperty(fc.nat(texts.length - 1), fc.array(mutationArbitrary(), { minLength: 1, maxLength: 8 }), async (which, mutations) => {
        const verdict = await checkFormatting(services, mutate(texts[which], mutations), 'tmkb');
        if (verdict.parsed) onParsed();
        if (verdict.problem) throw new Error(verdict.problem);
    });
}

function root(document: LangiumDocument): AstNode {
    return document.parseResult.value;
}
