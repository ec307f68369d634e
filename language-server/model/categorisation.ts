import type { Categorisation as AstCategorisation } from '../generated/ast.js';
import type { Categorisation } from './threat-model-types.js';

/** A categorisation id as written, whichever token form it took (`"v5.0.0-1.2.3"`, `319`, `A.8.24`). */
export function categorisationOf(node: AstCategorisation): Categorisation {
    const id = node.text ?? node.control ?? (node.number !== undefined ? String(node.number) : '');
    return { scheme: node.scheme, id };
}
