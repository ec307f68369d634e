// Minimal text edits that add to a user's file without touching anything else: a clause inserted
// into a declaration's `{ … }` block in the block's own style (one clause per line, or all on one
// line), a block added after a declaration that has none, a declaration appended to the file. New
// lines use the file's own line ending.
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';

/**
 * Inserts clauses into the node's block — one per line in a multi-line block, side by side in a
 * one-line block — or gives the node a block holding them, one per line.
 */
export function insertClause(document: LangiumDocument, node: AstNode, clauses: string | readonly string[]): TextEdit {
    const list = typeof clauses === 'string' ? [clauses] : clauses;
    const text = document.textDocument.getText();
    const eol = lineEndingOf(text);
    const cst = node.$cstNode!;
    const declarationIndent = indentationAt(text, cst.offset);
    const lines = (indent: string) => list.map(clause => `${indent}${clause}${eol}`).join('');
    const close = GrammarUtils.findNodesForKeyword(cst, '}').at(-1);
    if (!close) return insertAt(document, cst.end, ` {${eol}${lines(`${declarationIndent}  `)}${declarationIndent}}`);
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const multiline = open !== undefined && text.lastIndexOf('\n', close.offset) > open.offset;
    if (!multiline) {
        const before = text[close.offset - 1];
        const separator = before === ' ' ? ' ' : before === '{' ? ' ' : '  ';
        return insertAt(document, close.offset, `${separator}${list.join('  ')} `);
    }
    const lineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
    const closingIndent = text.slice(lineStart, close.offset);
    if (closingIndent.trim() !== '') {
        // `…last clause }` on one line of a multi-line block: the clauses go on their own lines
        // before `}`, and the spaces before `}` are replaced rather than left trailing.
        const contentEnd = close.offset - (/[ \t]*$/.exec(text.slice(lineStart, close.offset))?.[0].length ?? 0);
        return {
            range: { start: document.textDocument.positionAt(contentEnd), end: document.textDocument.positionAt(close.offset) },
            newText: `${eol}${lines(entryIndentation(text, open!.offset, close.offset, declarationIndent))}${declarationIndent}`
        };
    }
    return insertAt(document, lineStart, lines(entryIndentation(text, open!.offset, close.offset, closingIndent)));
}

/** Appends a list item to the node's last `keyword [a, b]` or `keyword a, b` clause. */
export function appendToList(document: LangiumDocument, node: AstNode, property: string, item: string): TextEdit | undefined {
    const last = GrammarUtils.findNodesForProperty(node.$cstNode, property).at(-1);
    return last && insertAt(document, last.end, `, ${item}`);
}

/** Appends a declaration at the end of the file after one blank line, keeping the file's line ending. */
export function appendDeclaration(document: LangiumDocument, declaration: string): TextEdit {
    const text = document.textDocument.getText();
    const eol = lineEndingOf(text);
    const trimmedEnd = text.replace(/\s+$/, '').length;
    const separator = trimmedEnd === 0 ? '' : `${eol}${eol}`;
    return {
        range: { start: document.textDocument.positionAt(trimmedEnd), end: document.textDocument.positionAt(text.length) },
        newText: `${separator}${declaration.replace(/\n/g, eol)}${eol}`
    };
}

/** Inserts text at an offset. */
export function insertAt(document: LangiumDocument, offset: number, newText: string): TextEdit {
    const position = document.textDocument.positionAt(offset);
    return { range: { start: position, end: position }, newText };
}

/** `\r\n` when the file uses it, else `\n`. */
function lineEndingOf(text: string): string {
    return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The white space at the start of the line holding `offset`. */
function indentationAt(text: string, offset: number): string {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/**
 * The indentation of the block's entries: that of its first line with content, else the closing
 * line's plus two spaces.
 */
function entryIndentation(text: string, openOffset: number, closeOffset: number, closingIndent: string): string {
    const body = text.slice(text.indexOf('\n', openOffset) + 1, closeOffset);
    for (const line of body.split('\n')) {
        const indent = /^[ \t]*/.exec(line)![0];
        if (line.trim() !== '' && indent.length > closingIndent.length) return indent;
        if (line.trim() !== '') break;
    }
    return `${closingIndent}  `;
}
