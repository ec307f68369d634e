import { AstUtils, type AstNode } from 'langium';
import { isPath, isQuantifier, type Expression } from '../generated/ast.js';
import { NAVIGATION_FIELDS } from './navigation.js';

/**
 * How many steps from its subject a condition can look: each `source`, `target`, `boundary` or
 * `parent` in a path is one step, a quantifier one (`receives`, `sends`, `stores`) or two (`carries`:
 * an element's carried data is on its flows) plus the steps of its own condition. A subject's
 * result can change only when something within that many steps of it changes (derivation-reuse.ts).
 */
export function navigationReach(expression: Expression): number {
    return reachOf(expression);
}

function reachOf(node: AstNode): number {
    if (isPath(node)) return node.segments.filter(segment => Object.hasOwn(NAVIGATION_FIELDS, segment)).length;
    if (isQuantifier(node)) return (node.path ? reachOf(node.path) : 0) + (node.relation === 'carries' ? 2 : 1) + reachOf(node.condition);
    let reach = 0;
    for (const child of AstUtils.streamContents(node)) reach = Math.max(reach, reachOf(child));
    return reach;
}

/** Whether a condition reads a label (`label`, `source.label`…): otherwise a relabelled node reads the same to every rule. */
export function readsLabels(expression: Expression): boolean {
    return AstUtils.streamAst(expression).some(node => isPath(node) && node.segments.includes('label'));
}
