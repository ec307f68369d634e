import { DefaultDocumentValidator, type AstNode, type ValidateSingleNodeOptions, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { issueDocumentation, IssueCodes } from './issue-codes.js';

/**
 * The most diagnostics one document reports. Beyond a few thousand nobody reads them, editors
 * slow down, and Langium's own collection of them overflowed the stack at ~120,000.
 */
export const MAX_DIAGNOSTICS = 5000;

/**
 * Declarations whose children carry no checks of their own: their checks read the children
 * (property terms, acceptances, categorisations) from the declaration, so the per-node walk of
 * validation skips the subtrees. On a 1,000-element model that is most of the AST's nodes.
 */
const VALIDATED_WITHOUT_CHILDREN = new Set(['Element', 'Flow', 'Data', 'Threat', 'Mitigation', 'Event', 'Story', 'Requirement', 'Model', 'Import']);

const NODE_ONLY: ValidateSingleNodeOptions = { validateNode: true, validateChildren: false };
const NODE_AND_CHILDREN: ValidateSingleNodeOptions = { validateNode: true, validateChildren: true };

/**
 * Langium's document validator, walking only the part of the AST that has checks, and reporting at
 * most MAX_DIAGNOSTICS per document — the most severe first — with one last diagnostic saying how
 * many more there are.
 */
export class MoatDocumentValidator extends DefaultDocumentValidator {
    protected override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateAst(rootNode, options, cancelToken);
        if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
        const kept = diagnostics.sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, MAX_DIAGNOSTICS - 1);
        kept.push({
            severity: 3, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: `${diagnostics.length - kept.length} more diagnostics are not shown: this file has ${diagnostics.length}, more than the ${MAX_DIAGNOSTICS} Moat reports per file.`,
            code: IssueCodes.TooManyDiagnostics, codeDescription: issueDocumentation(IssueCodes.TooManyDiagnostics), source: 'moat'
        });
        return kept;
    }

    protected override validateSingleNodeOptions(node: AstNode, _options: ValidationOptions): ValidateSingleNodeOptions {
        return VALIDATED_WITHOUT_CHILDREN.has(node.$type) ? NODE_ONLY : NODE_AND_CHILDREN;
    }
}
