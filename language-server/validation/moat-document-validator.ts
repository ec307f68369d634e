import {
    AstUtils, Cancellation, DefaultDocumentValidator, interruptAndCheck, type AstNode, type LangiumDocument, type ValidateSingleNodeOptions,
    type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
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

/** Nodes visited between two cancellation checks (a power of two). */
const NODES_PER_INTERRUPT_CHECK = 16;

const NODE_ONLY: ValidateSingleNodeOptions = { validateNode: true, validateChildren: false };
const NODE_AND_CHILDREN: ValidateSingleNodeOptions = { validateNode: true, validateChildren: true };

/**
 * Langium's document validator, walking only the part of the AST that has checks, and reporting at
 * most MAX_DIAGNOSTICS per document — the most severe first — with one last diagnostic saying how
 * many more there are.
 */
export class MoatDocumentValidator extends DefaultDocumentValidator {
    /**
     * Langium's lexing, parsing and linking diagnostics carry their code only in `data`: give them
     * the code, its documentation link and the source, as every other Moat diagnostic has, so an
     * editor's Problems panel and SARIF show `parsing-error` like the CLI does.
     */
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as { code?: unknown } | undefined)?.code;
            if (diagnostic.code === undefined && typeof code === 'string') {
                diagnostic.code = code;
                diagnostic.codeDescription ??= issueDocumentation(code);
                diagnostic.source ??= 'moat';
            }
        }
        return diagnostics;
    }

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

    /**
     * Langium's walk (pre-order, children pruned as validateSingleNodeOptions says), with the checks
     * of each node type looked up once per document rather than as a chain of streams per node, and
     * a cancellation check every few nodes rather than an `await` on each: a large model has
     * thousands of nodes to visit.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const checksByType = new Map<string, ValidationCheck[]>();
        const pending: AstNode[] = [rootNode];
        let visited = 0;
        while (pending.length > 0) {
            const node = pending.pop()!;
            // Checking every few nodes still notices a cancellation within a fraction of a millisecond.
            if ((visited++ & (NODES_PER_INTERRUPT_CHECK - 1)) === 0) await interruptAndCheck(cancelToken);
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksByType.get(node.$type);
                if (!checks) {
                    checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                    checksByType.set(node.$type, checks);
                }
                for (const check of checks) await check(node, acceptor, cancelToken);
            }
            if (nodeOptions.validateChildren) {
                const children = AstUtils.streamContents(node).toArray();
                for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]);
            }
        }
    }

    protected override validateSingleNodeOptions(node: AstNode, _options: ValidationOptions): ValidateSingleNodeOptions {
        return VALIDATED_WITHOUT_CHILDREN.has(node.$type) ? NODE_ONLY : NODE_AND_CHILDREN;
    }
}
