import type { AstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import { isModelFile, type Declaration, type ModelFile } from '../generated/ast.js';
import { childrenOf, firstTokenOf, hasKnownLayout, lastTokenOf, replaceChild, shiftPositions } from './cst-positions.js';
import { MAX_FILE_CHARS } from './guarded-parser.js';

/**
 * Re-parses only the top-level declaration an edit falls in, when the result is provably the one a
 * full parse would give; otherwise returns undefined and the caller parses the whole text. Langium
 * re-parses a whole document on every edit, which is most of an edit's rebuild on a large model.
 *
 * Why the result equals a full parse, given the conditions checked below:
 * - Lexing. The edit lies strictly inside one declaration, which starts after whitespace (or at
 *   the start) and ends before whitespace (or at the end). No terminal of the grammar reads past
 *   whitespace except a line comment, and a line comment ending the declaration is rejected, so
 *   the tokens before and after the declaration are those of the old text, moved.
 * - Parsing. The old text parsed without errors, and a top-level declaration starts with its
 *   keyword, which cannot continue any declaration: the parser leaves the declaration before and
 *   enters the next one at the same tokens as before. The declaration's text is parsed on its own
 *   as a model file, must give exactly one declaration without errors, and its nodes are then moved
 *   to the declaration's place (offsets, lines, and columns on its first line).
 * The old syntax tree is updated in place: the new declaration replaces the old one, and the
 * nodes after it are moved. Everything downstream (index, linking, validation) runs as usual.
 * Updating in place is safe because Langium's workspace lock never runs a build (a write) while a
 * request (a read) is working on the tree; the unchanged declarations keep their node objects.
 */
export function reparseDeclaration(previous: ParseResult<AstNode>, text: string, parser: LangiumParser): ParseResult<ModelFile> | undefined {
    const root = previous.value;
    const rootCst = root.$cstNode;
    if (!isModelFile(root) || !rootCst || hasErrors(previous) || text.length > MAX_FILE_CHARS) return undefined;
    const oldText = rootCst.root.fullText;
    const change = changedRegion(oldText, text);
    const target = change && declarationAround(root, change);
    if (!target) return undefined;
    const { declaration, index } = target;
    const oldCst = declaration.$cstNode!;
    const start = oldCst.offset;
    const end = oldCst.end;
    const delta = text.length - oldText.length;
    if (!isBlankAt(oldText, start - 1) || !isBlankAt(oldText, end)) return undefined;
    const slot = childrenOf(rootCst).indexOf(oldCst);
    const oldFirst = firstTokenOf(oldCst);
    const oldLast = lastTokenOf(oldCst);
    if (slot < 0 || !oldFirst || !oldLast || !hasKnownLayout(rootCst, oldLast)) return undefined;

    // The declaration's text on its own, its nodes then moved to where the text starts.
    const partial = parser.parse(text.slice(start, end + delta));
    const replacement = soleDeclaration(partial);
    const newCst = replacement?.$cstNode;
    if (!replacement || !newCst) return undefined;
    const at = oldFirst.range.start;
    shiftPositions(newCst, { offset: start, lines: at.line, line: 0, columns: at.character });
    const newLast = lastTokenOf(newCst);
    if (!newLast || newCst.offset !== start || newCst.end !== end + delta) return undefined;

    const oldEnd = oldLast.range.end;
    const newEnd = newLast.range.end;
    const shift = { offset: delta, lines: newEnd.line - oldEnd.line, line: oldEnd.line, columns: newEnd.character - oldEnd.character };
    for (const following of childrenOf(rootCst).slice(slot + 1)) shiftPositions(following, shift);
    replaceChild(rootCst, slot, newCst, text);
    root.declarations[index] = replacement;
    Object.assign(replacement, { $container: root, $containerProperty: 'declarations', $containerIndex: index });
    return { value: root, lexerErrors: [], lexerReport: partial.lexerReport, parserErrors: [] };
}

/** Where two texts differ: from `start` to `oldEnd` in the old one, to `newEnd` in the new one. */
interface ChangedRegion {
    start: number;
    oldEnd: number;
    newEnd: number;
}

function changedRegion(oldText: string, text: string): ChangedRegion | undefined {
    if (oldText === text) return undefined;
    const shorter = Math.min(oldText.length, text.length);
    // Whole blocks are compared natively first: a character loop over a large file is slow until the JIT has warmed it.
    let start = 0;
    while (start + BLOCK <= shorter && oldText.slice(start, start + BLOCK) === text.slice(start, start + BLOCK)) start += BLOCK;
    while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
    const room = shorter - start;
    let suffix = 0;
    while (suffix + BLOCK <= room && oldText.slice(oldText.length - suffix - BLOCK, oldText.length - suffix) === text.slice(text.length - suffix - BLOCK, text.length - suffix)) suffix += BLOCK;
    while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    return { start, oldEnd: oldText.length - suffix, newEnd: text.length - suffix };
}

/** Characters compared at once when looking for where two texts differ. */
const BLOCK = 512;

/** The top-level declaration whose text strictly contains the change (not its first character). */
function declarationAround(root: ModelFile, change: ChangedRegion): { declaration: Declaration; index: number } | undefined {
    const declarations = root.declarations;
    let low = 0;
    let high = declarations.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const cst = declarations[middle].$cstNode;
        if (!cst) return undefined;
        if (cst.offset >= change.start) high = middle - 1;
        else if (cst.end < change.oldEnd) low = middle + 1;
        else return { declaration: declarations[middle], index: middle };
    }
    return undefined;
}

/** The single declaration a partial parse produced, if it parsed cleanly into exactly that. */
function soleDeclaration(partial: ParseResult<AstNode>): Declaration | undefined {
    const file = partial.value;
    if (hasErrors(partial) || !isModelFile(file) || file.imports.length > 0 || file.declarations.length !== 1) return undefined;
    const declaration = file.declarations[0];
    // A comment after the declaration's last token would belong between declarations, not in it.
    const children: CstNode[] = file.$cstNode ? childrenOf(file.$cstNode) : [];
    return children.length === 1 && children[0] === declaration.$cstNode ? declaration : undefined;
}

function hasErrors(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
}

/** Whether the character at `offset` is whitespace, or `offset` is outside the text (its start or end). */
function isBlankAt(text: string, offset: number): boolean {
    return offset < 0 || offset >= text.length || /\s/.test(text[offset]);
}
