import { DefaultDocumentValidator, type AstNode, type ValidateSingleNodeOptions, type ValidationOptions } from 'langium';

/**
 * Declarations whose children carry no checks of their own: their checks read the children
 * (property terms, acceptances, categorisations) from the declaration, so the per-node walk of
 * validation skips the subtrees. On a 1,000-element model that is most of the AST's nodes.
 */
const VALIDATED_WITHOUT_CHILDREN = new Set(['Element', 'Flow', 'Data', 'Threat', 'Mitigation', 'Event', 'Story', 'Requirement', 'Model', 'Import']);

const NODE_ONLY: ValidateSingleNodeOptions = { validateNode: true, validateChildren: false };
const NODE_AND_CHILDREN: ValidateSingleNodeOptions = { validateNode: true, validateChildren: true };

/** Langium's document validator, walking only the part of the AST that has checks. */
export class MoatDocumentValidator extends DefaultDocumentValidator {
    protected override validateSingleNodeOptions(node: AstNode, _options: ValidationOptions): ValidateSingleNodeOptions {
        return VALIDATED_WITHOUT_CHILDREN.has(node.$type) ? NODE_ONLY : NODE_AND_CHILDREN;
    }
}
