import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import type { SourceLocation } from './threat-model-types.js';

/**
 * Where a node is declared, for the model and for diagnostics: the range of its `name` property
 * when it has one (so squiggles sit on the name), else of the whole node.
 */
export function locationOf(node: AstNode, property = 'name'): SourceLocation {
    const uri = AstUtils.getDocument(node).uri.toString();
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property) ?? node.$cstNode;
    const range = cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri, range };
}
