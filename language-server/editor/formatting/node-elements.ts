// A node's own place in the concrete syntax tree: its tokens and comments, and the nodes it
// contains, in text order. Each node lays out exactly these; a contained node is placed by its
// container and lays out its own insides.
import { GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LeafCstNode } from 'langium';

type AbstractElement = GrammarAST.AbstractElement;

/**
 * A node's tokens and comments and the CST nodes of the AST nodes it contains, in text order.
 * Datatype rules (`Core.Vault`, a word) are unpacked into their tokens: they belong to the node.
 */
export function ownElements(node: AstNode): CstNode[] {
    const elements: CstNode[] = [];
    const visit = (cst: CstNode) => {
        if (!isCompositeCstNode(cst)) {
            elements.push(cst);
            return;
        }
        for (const child of cst.content) {
            if (isCompositeCstNode(child) && child.astNode !== node) elements.push(child);
            else visit(child);
        }
    };
    if (node.$cstNode) visit(node.$cstNode);
    return elements;
}

/** The first token of a CST node: where its layout is decided. */
export function firstToken(cst: CstNode): LeafCstNode | undefined {
    let current: CstNode | undefined = cst;
    while (current && isCompositeCstNode(current)) current = current.content.find(child => !child.hidden);
    return current && isLeafCstNode(current) ? current : undefined;
}

/** Whether the CST node is the keyword `value`. */
export function isKeyword(cst: CstNode, value: string): boolean {
    return isLeafCstNode(cst) && GrammarAST.isKeyword(cst.grammarSource) && cst.grammarSource.value === value;
}

/** What a `{ … }` block repeats: the grammar element right after its `{` (`entries+=Term*`, `( 'owner' … | … )*`). */
export function blockBody(open: CstNode): AbstractElement | undefined {
    const keyword = open.grammarSource;
    const group = keyword?.$container;
    if (!keyword || !GrammarAST.isGroup(group)) return undefined;
    return group.elements[group.elements.indexOf(keyword) + 1];
}

/**
 * Whether a CST node inside a block starts one of the block's entries (`owner "…"`, `asvs "…"`,
 * a term, a nested element) rather than continuing one (the value after `owner`, a list item).
 * Read from the grammar: the node is an alternative of the body, or the first element of one.
 */
export function startsEntry(cst: CstNode, body: AbstractElement): boolean {
    let element: AbstractElement | undefined = cst.grammarSource;
    while (element && (GrammarAST.isAssignment(element.$container) || GrammarAST.isCrossReference(element.$container))) {
        element = element.$container as AbstractElement;
    }
    if (!element) return false;
    const parent = element.$container;
    if (element === body || parent === body) return true;
    return GrammarAST.isGroup(parent) && parent.$container === body && parent.elements[0] === element;
}
