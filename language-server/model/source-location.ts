import { AstUtils, GrammarAST, type AstNode, type CstNode } from 'langium';
import type { SourceLocation } from './threat-model-types.js';

const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Where a node is declared, for the model and for diagnostics: the range of its `name` property
 * (or the one given) when it has one, so squiggles sit on the name; else the whole node.
 */
export function locationOf(node: AstNode, property = 'name'): SourceLocation {
    const uri = AstUtils.getDocument(node).uri.toString();
    const cst = firstNodeForProperty(node.$cstNode, node, property) ?? node.$cstNode;
    return { uri, range: cst?.range ?? NO_RANGE };
}

/**
 * The first CST node assigned to `property` of `owner`. Like Langium's findNodeForProperty, but it
 * stops at the first match instead of collecting every one: declarations put their name first,
 * and models have tens of thousands of them.
 */
function firstNodeForProperty(cst: CstNode | undefined, owner: AstNode, property: string): CstNode | undefined {
    if (!cst || !('content' in cst)) return undefined;
    for (const child of (cst as CstNode & { content: CstNode[] }).content) {
        const assignment = AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment);
        if (assignment?.feature === property) return child;
        if (child.astNode === owner) {
            const nested = firstNodeForProperty(child, owner, property);
            if (nested) return nested;
        }
    }
    return undefined;
}
