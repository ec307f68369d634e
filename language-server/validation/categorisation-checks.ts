import type { ValidationAcceptor } from 'langium';
import type { Categorisation } from '../generated/ast.js';
import { checkCategorisation } from '../knowledge/categorisation-problems.js';
import { categorisationOf } from '../model/categorisation.js';
import { IssueCodes } from './issue-codes.js';
import { reportIssue } from './report.js';

/** A declaration that carries categorisation ids: a threat, mitigation or requirement, or a `.tmkb` rule. */
export interface Categorised {
    categorisations: readonly Categorisation[];
}

/**
 * Checks a declaration's categorisation ids against the shipped catalogues. Registered on the
 * declarations, not on Categorisation, because validation does not descend into their children;
 * the `.tmkb` validator can register it on Rule as it is.
 */
export function checkCategorisations(node: Categorised, accept: ValidationAcceptor): void {
    for (const categorisation of node.categorisations) {
        const problem = checkCategorisation(categorisationOf(categorisation));
        if (!problem) continue;
        const code = problem.kind === 'deprecated-cwe' ? IssueCodes.DeprecatedCwe : IssueCodes.UnknownCategorisation;
        reportIssue(accept, 'warning', code, problem.message, { node: categorisation, property: idProperty(categorisation) });
    }
}

/** The property that holds the id as written, so the diagnostic underlines the id, not the scheme. */
function idProperty(categorisation: Categorisation): 'text' | 'number' | 'control' {
    if (categorisation.text !== undefined) return 'text';
    return categorisation.number !== undefined ? 'number' : 'control';
}
