// The layout rules: where each token and comment of one node goes. A node's first token is placed
// by its container; everything else the node owns is placed here, from the grammar (what starts an
// entry of a block) and from the text as written (line breaks and spaces that are the user's choice).
import type { AstNode, CstNode, GrammarAST, LangiumDocument } from 'langium';
import type { FormattingAction } from 'langium/lsp';
import { clamp, MAX_LINE_BREAKS, MAX_SPACES, onNewLine, sameLine } from './layout-moves.js';
import { blockBody, firstToken, isKeyword, ownElements, startsEntry } from './node-elements.js';
import { gapBefore, type Gap } from './source-gaps.js';

/** Where one token or comment goes. */
export interface Placement {
    target: CstNode;
    action: FormattingAction;
}

/** The placements of a node's tokens and comments, and the indentation level of each node it contains. */
export interface NodeLayout {
    placements: Placement[];
    childDepths: Array<[AstNode, number]>;
}

/** What laying out a node needs beyond its syntax tree. */
export interface LayoutContext {
    document: LangiumDocument;
    /** Indentation level of the node's first line. */
    depth: number;
    /** Whether a node in a block is a declaration, which always has a line of its own. */
    isDeclaration: (node: AstNode) => boolean;
}

/** A node's `{ … }`: one-line blocks stay on one line, others have one entry (or more) per line. */
interface Block {
    open: CstNode;
    close: CstNode;
    body: GrammarAST.AbstractElement;
    multiLine: boolean;
}

/** Tokens written without a space before them, and tokens written without a space after them. */
const TIGHT_BEFORE = new Set([',', ')', ']', '.', ':']);
const TIGHT_AFTER = new Set(['(', '[', '.']);

/** Lays out the tokens and comments a node owns. */
export function layoutNode(node: AstNode, context: LayoutContext): NodeLayout {
    return new NodeLayouter(node, context).layout();
}

class NodeLayouter {
    private readonly elements: CstNode[];
    private readonly block: Block | undefined;
    private readonly isRoot: boolean;
    /** The first token (not comment) the node owns: in the root, the file's first line of code. */
    private readonly leadingToken: CstNode | undefined;
    private firstInBlock = true;
    private afterDeclaration = false;

    constructor(private readonly node: AstNode, private readonly context: LayoutContext) {
        this.elements = ownElements(node);
        this.block = this.findBlock();
        this.isRoot = node.$container === undefined;
        this.leadingToken = this.elements.find(element => !element.hidden);
    }

    layout(): NodeLayout {
        const placements: Placement[] = [];
        const childDepths: Array<[AstNode, number]> = [];
        this.elements.forEach((element, index) => {
            const action = index === 0 ? this.startOfFile() : this.place(element, gapBefore(this.context.document, element.offset));
            const target = element.hidden ? element : firstToken(element);
            if (action && target) placements.push({ target, action });
            if (this.isChild(element)) childDepths.push([element.astNode, this.context.depth + (this.inBlock(element) ? 1 : 0)]);
        });
        return { placements, childDepths };
    }

    /** The root's first token or comment starts the file; any other node's first token is its container's to place. */
    private startOfFile(): FormattingAction | undefined {
        return this.isRoot ? onNewLine(0, 0) : undefined;
    }

    private place(element: CstNode, gap: Gap): FormattingAction | undefined {
        const depth = this.context.depth;
        if (element.hidden) return this.placeComment(element, gap);
        if (this.block && element === this.block.open) return gap.breaks > 0 && gap.afterComment ? onNewLine(1, depth) : sameLine(1);
        if (this.block && element === this.block.close) return this.block.multiLine ? onNewLine(1, depth) : sameLine(1);
        if (this.inBlock(element)) return this.placeInBlock(element, gap);
        if (this.isRoot && (this.isChild(element) || element === this.leadingToken)) {
            return onNewLine(clamp(gap.breaks, 1, MAX_LINE_BREAKS), 0);
        }
        return this.continuation(element, gap, depth);
    }

    /** A comment at the end of a line stays there; one on its own line is indented like an entry. */
    private placeComment(comment: CstNode, gap: Gap): FormattingAction | undefined {
        if (gap.breaks === 0) return undefined;
        const inBlock = this.inBlock(comment);
        const lines = inBlock && this.firstInBlock ? 1 : inBlock || this.isRoot ? clamp(gap.breaks, 1, MAX_LINE_BREAKS) : 1;
        if (inBlock) this.firstInBlock = false;
        return onNewLine(lines, this.isRoot ? 0 : this.context.depth + 1);
    }

    /** Entries of a multi-line block start lines where the user started them; declarations always do. */
    private placeInBlock(element: CstNode, gap: Gap): FormattingAction {
        const block = this.block!;
        const level = this.context.depth + 1;
        const first = this.firstInBlock;
        this.firstInBlock = false;
        if (!startsEntry(element, block.body)) return this.continuation(element, gap, level);
        const declaration = this.isDeclaration(element);
        const ownLine = block.multiLine && (first || declaration || this.afterDeclaration || gap.breaks > 0);
        this.afterDeclaration = declaration;
        if (ownLine) return onNewLine(first ? 1 : clamp(gap.breaks, 1, MAX_LINE_BREAKS), level);
        return sameLine(first ? 1 : clamp(gap.width, 1, MAX_SPACES));
    }

    /** A token inside an entry or a header: one space (none around punctuation), or a continuation line. */
    private continuation(element: CstNode, gap: Gap, level: number): FormattingAction {
        if (gap.breaks > 0) return onNewLine(1, level + 1);
        const text = firstToken(element)?.text ?? '';
        return sameLine(TIGHT_BEFORE.has(text) || TIGHT_AFTER.has(gap.previous) ? 0 : 1);
    }

    private findBlock(): Block | undefined {
        const open = this.elements.find(element => isKeyword(element, '{'));
        const close = this.elements.findLast(element => isKeyword(element, '}'));
        const body = open && blockBody(open);
        if (!open || !close || !body) return undefined;
        const line = (offset: number) => this.context.document.textDocument.positionAt(offset).line;
        const holdsDeclaration = this.elements.some(element => element.offset > open.offset && this.isDeclaration(element));
        return { open, close, body, multiLine: line(open.offset) !== line(close.offset) || holdsDeclaration };
    }

    private inBlock(element: CstNode): boolean {
        return this.block !== undefined && element.offset > this.block.open.offset && element.offset < this.block.close.offset;
    }

    private isChild(element: CstNode): boolean {
        return !element.hidden && element.astNode !== this.node;
    }

    private isDeclaration(element: CstNode): boolean {
        return this.isChild(element) && this.context.isDeclaration(element.astNode);
    }
}
