import { AstUtils, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isElement } from '../generated/ast.js';

/** The token type of each kind of declaration: the same colour for a name where it is declared and where it is used. */
const TYPES: Record<string, string> = {
    actor: SemanticTokenTypes.class, external: SemanticTokenTypes.interface, process: SemanticTokenTypes.function,
    datastore: SemanticTokenTypes.struct, Boundary: SemanticTokenTypes.namespace, Flow: SemanticTokenTypes.event,
    Data: SemanticTokenTypes.variable, Threat: SemanticTokenTypes.enumMember, Mitigation: SemanticTokenTypes.method,
    Event: SemanticTokenTypes.property, Story: SemanticTokenTypes.type, Requirement: SemanticTokenTypes.typeParameter, Model: SemanticTokenTypes.namespace
};

function typeOf(node: AstNode): string | undefined {
    return TYPES[isElement(node) ? node.kind : node.$type];
}

/**
 * Semantic highlighting of `.tm` models: every declared name, and every reference to one, coloured
 * by what it names (an actor, a process, a data store, a boundary, a threat…), so that `Web` in a
 * flow looks like the process it is.
 */
export class MoatSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = typeOf(node);
        if (declared && 'name' in node && typeof node.name === 'string' && node.name) {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const { container, property, index, reference } of AstUtils.streamReferences(node)) {
            const target = 'ref' in reference ? reference.ref : undefined;
            const type = target && typeOf(target);
            if (type && container === node) acceptor({ node, property, index, type });
        }
    }
}
