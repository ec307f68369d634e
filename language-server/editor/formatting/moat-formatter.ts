import type { AstNode } from 'langium';
import { isBoundary, isElement } from '../../generated/ast.js';
import { LayoutFormatter } from './layout-formatter.js';

/** The `.tm` formatter: elements and boundaries nested in a boundary are declarations, one per line. */
export class MoatFormatter extends LayoutFormatter {
    protected isNestedDeclaration(node: AstNode): boolean {
        return isElement(node) || isBoundary(node);
    }
}
