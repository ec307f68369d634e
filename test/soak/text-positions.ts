import type { ContentChange } from './lsp-client.js';

/** An LSP position: line and UTF-16 column. */
export interface Position {
    line: number;
    character: number;
}

/** The LSP position of a string offset; `\r\n`, `\r` and `\n` end lines, as in vscode-languageserver-textdocument. */
export function positionAt(text: string, offset: number): Position {
    let line = 0;
    let lineStart = 0;
    for (let index = 0; index < text.length; index++) {
        const character = text[index];
        if (character !== '\r' && character !== '\n') continue;
        if (character === '\r' && text[index + 1] === '\n') index++;
        if (index + 1 > offset) break;
        line++;
        lineStart = index + 1;
    }
    // An offset inside a line break counts as the end of its line.
    let column = offset - lineStart;
    while (column > 0 && (text[lineStart + column - 1] === '\r' || text[lineStart + column - 1] === '\n')) column--;
    return { line, character: column };
}

/**
 * The one range edit that turns `before` into `after`, as an editor sends it: the text between their
 * common prefix and suffix. A boundary inside a `\r\n` moves outside it, since a position cannot
 * point between the two.
 */
export function rangeChange(before: string, after: string): ContentChange {
    let start = 0;
    const shorter = Math.min(before.length, after.length);
    while (start < shorter && before[start] === after[start]) start++;
    let suffix = 0;
    while (suffix < shorter - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    let end = before.length - suffix;
    if (start > 0 && before[start - 1] === '\r' && before[start] === '\n') start--;
    if (end > 0 && end < before.length && before[end - 1] === '\r' && before[end] === '\n') end++;
    return {
        range: { start: positionAt(before, start), end: positionAt(before, end) },
        text: after.slice(start, after.length - (before.length - end))
    };
}
