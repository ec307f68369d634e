import type { AstNode, LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { isBoundary, isFlow, isModelFile, type Declaration, type Element } from '../../generated/ast.js';
import { flowId } from '../../model/threat-model-builder.js';

/**
 * The declaration of a document with the given id: an element (also inside boundaries), a flow
 * (named or `Source->Target`) or any other named declaration. Where a name is declared twice, the
 * one whose declaration contains `at` (a diagnostic's position) wins.
 */
export function findDeclaration(document: LangiumDocument, id: string, at?: Position): AstNode | undefined {
    const root = document.parseResult.value;
    if (!isModelFile(root)) return undefined;
    const matches: AstNode[] = [];
    const pending: (Declaration | Element)[] = [...root.declarations];
    while (pending.length > 0) {
        const node = pending.shift()!;
        if (isBoundary(node)) pending.push(...node.members);
        if (isFlow(node) ? flowId(node) === id : 'name' in node && node.name === id) matches.push(node);
    }
    return (at && matches.find(node => contains(node, at))) || matches[0];
}

function contains(node: AstNode, position: Position): boolean {
    const range = node.$cstNode?.range;
    if (!range) return false;
    const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return after && before;
}
