// What separates a token from the one before it in the text as the user wrote it. The layout rules
// read it to keep what is the user's choice (a blank line, a second line, two spaces between
// entries) and to normalise the rest.
import { CstUtils, type LangiumDocument } from 'langium';

/** The white space in front of a token or comment. */
export interface Gap {
    /** Line breaks in the gap. */
    breaks: number;
    /** Characters in the gap: its width when it has no line break. */
    width: number;
    /** The gap follows a comment, which a token may not be joined to. */
    afterComment: boolean;
    /** The character just before the gap; empty at the start of the file. */
    previous: string;
}

/** The white space between the token or comment starting at `offset` and whatever precedes it. */
export function gapBefore(document: LangiumDocument, offset: number): Gap {
    const text = document.textDocument.getText();
    let start = offset;
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    const root = document.parseResult.value.$cstNode;
    const leaf = start > 0 && root ? CstUtils.findLeafNodeAtOffset(root, start - 1) : undefined;
    return {
        breaks: document.textDocument.positionAt(offset).line - document.textDocument.positionAt(start).line,
        width: offset - start,
        afterComment: leaf?.hidden ?? false,
        previous: start > 0 ? text[start - 1] : ''
    };
}

/** The line ending the file uses: CRLF if it has any, else LF. */
export function lineEndingOf(document: LangiumDocument): string {
    return document.textDocument.getText().includes('\r\n') ? '\r\n' : '\n';
}
