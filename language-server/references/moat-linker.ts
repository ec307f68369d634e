import { AstUtils, Cancellation, DefaultLinker, interruptAndCheck, type AstNode, type LangiumDocument } from 'langium';
import { isBoundary, isDataList, isElement, isFlow, isModelFile, type Declaration } from '../generated/ast.js';

/**
 * Links only the nodes of a `.tm` file that can hold references — flows, threats, stories,
 * requirements and `carries`/`stores` lists — instead of streaming every node's properties, as
 * the default linker does; property terms, most of a large model's AST, hold none.
 */
export class MoatLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const root = document.parseResult.value;
        const nodes = isModelFile(root) ? nodesWithReferences(root.declarations) : AstUtils.streamAst(root);
        let visited = 0;
        for (const node of nodes) {
            // Checking every few nodes still notices a cancellation within a fraction of a millisecond.
            if ((visited++ & 15) === 0) await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach(reference => this.doLink(reference, document));
        }
    }
}

function* nodesWithReferences(declarations: Iterable<Declaration | AstNode>): Generator<AstNode> {
    for (const declaration of declarations) {
        if (isBoundary(declaration)) {
            yield* nodesWithReferences(declaration.members);
        } else if (isElement(declaration) || isFlow(declaration)) {
            yield declaration;
            yield* declaration.entries.filter(isDataList);
        } else {
            yield declaration;
        }
    }
}
