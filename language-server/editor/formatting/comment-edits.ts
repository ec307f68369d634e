// Comments are kept word for word: the formatter only moves a comment that has a line of its own to
// its indentation, and removes white space at the ends of its lines.
import type { CstNode, TextDocument } from 'langium';
import type { FormattingMove } from 'langium/lsp';
import type { TextEdit } from 'vscode-languageserver';

/** One indentation level. */
export const INDENT = '  ';

/** White space at the end of a line of a comment (not the line break itself). */
const TRAILING_SPACE = /[^\S\r\n]+(?=\r\n|\r|\n|$)/g;

/**
 * The edits for one comment: the white space before it when it starts a line (`move` says how
 * many line breaks and which level; at the start of the file there is none), and trailing spaces.
 */
export function commentEdits(document: TextDocument, previous: CstNode | undefined, comment: CstNode, move: FormattingMove | undefined): TextEdit[] {
    const edits: TextEdit[] = [];
    const replace = (start: number, end: number, newText: string) => {
        edits.push({ range: { start: document.positionAt(start), end: document.positionAt(end) }, newText });
    };
    if (!previous) replace(0, comment.offset, '');
    else if (move?.lines !== undefined && previous.range.end.line < comment.range.start.line) {
        replace(previous.end, comment.offset, '\n'.repeat(move.lines) + INDENT.repeat(move.tabs ?? 0));
    }
    for (const match of comment.text.matchAll(TRAILING_SPACE)) {
        replace(comment.offset + match.index, comment.offset + match.index + match[0].length, '');
    }
    return edits;
}
