// Moat's formatter engine for both languages, on Langium's formatter API: each node's tokens and
// comments are placed by the layout rules (layout-plan.ts), Langium turns the placements into text
// edits, and this class keeps them minimal and safe.
import { AstUtils, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractFormatter, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { commentEdits, INDENT } from './comment-edits.js';
import { layoutNode } from './layout-plan.js';
import { lineEndingOf } from './source-gaps.js';

/** Moat's style is fixed, whatever the editor's tab settings: two spaces per level, as in every sample. */
const MOAT_OPTIONS: FormattingOptions = { tabSize: INDENT.length, insertSpaces: true };

/**
 * Formats a document in Moat's style: it only changes white space between tokens and at the ends
 * of lines, keeps every comment, and returns no edits for a document with syntax errors.
 */
export abstract class LayoutFormatter extends AbstractFormatter {
    /** The indentation level of each node, recorded by its container (Langium formats containers first). */
    private readonly depths = new WeakMap<AstNode, number>();

    /** Whether a node inside a block is a declaration, which always has a line of its own. */
    protected abstract isNestedDeclaration(node: AstNode): boolean;

    /** Registers where each token and comment the node owns goes; Langium calls this for every node, containers first. */
    protected format(node: AstNode): void {
        const document = AstUtils.getDocument(node);
        const layout = layoutNode(node, { document, depth: this.depths.get(node) ?? 0, isDeclaration: child => this.isNestedDeclaration(child) });
        const formatter = this.getNodeFormatter(node);
        for (const { target, action } of layout.placements) formatter.cst([target]).prepend(action);
        for (const [child, depth] of layout.childDepths) this.depths.set(child, depth);
    }

    /** Formats the whole document, or returns no edits if it has a syntax error. */
    override formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return hasSyntaxErrors(document) ? [] : this.doDocumentFormat(document, params.options);
    }

    /** Formats the lines of a range, or returns no edits if the document has a syntax error anywhere. */
    override formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return hasSyntaxErrors(document) ? [] : this.doDocumentFormat(document, params.options, params.range);
    }

    /** Formats with Moat's fixed options, in the file's own line ending, leaving out edits that change nothing. */
    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        if (!document.parseResult.value.$cstNode) return [];
        const eol = lineEndingOf(document);
        return super.doDocumentFormat(document, MOAT_OPTIONS, range)
            .map(edit => ({ range: edit.range, newText: edit.newText.replace(/\n/g, eol) }))
            .filter(edit => edit.newText !== document.textDocument.getText(edit.range));
    }

    /** Langium's edits, and for a whole document one more: the file ends with one line break. */
    protected override iterateCstFormatting(document: LangiumDocument, formattings: Map<string, FormattingAction>, options: FormattingOptions, range?: Range): TextEdit[] {
        const edits = super.iterateCstFormatting(document, formattings, options, range);
        const last = range ? undefined : lastLeaf(document.parseResult.value.$cstNode!);
        if (!last) return edits;
        const end = document.textDocument.positionAt(document.textDocument.getText().length);
        return [...edits, { range: { start: last.range.end, end }, newText: '\n' }];
    }

    /** Comments are placed by commentEdits rather than Langium's default, which re-indents their inner lines. */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        return commentEdits(context.document, previous, hidden, formatting?.moves[0]);
    }
}

/** Whether the lexer or the parser reported an error: formatting such a document could damage it. */
function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}

/** The last token or comment of the file, if it has any. */
function lastLeaf(root: CstNode): CstNode | undefined {
    let node: CstNode | undefined = root;
    while (node && isCompositeCstNode(node)) node = node.content.at(-1);
    return node === root ? undefined : node;
}
