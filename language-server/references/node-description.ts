import { CstUtils, type AstNode, type AstNodeDescription, type DocumentSegment, type NameProvider, type URI } from 'langium';

/**
 * An exported name, as Langium's DefaultAstNodeDescriptionProvider describes it (the name's
 * segment found when first asked, the node's segment at once), but as a class: Langium builds an
 * object literal with a `nameSegment` getter, which V8 creates on a slow path, and a large model
 * exports thousands of names on every rebuild.
 */
export class NodeDescription implements AstNodeDescription {
    readonly selectionSegment: DocumentSegment | undefined;
    readonly type: string;
    #nameSegment: DocumentSegment | undefined;
    readonly #nameProvider: NameProvider;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI, readonly path: string, nameProvider: NameProvider) {
        this.selectionSegment = CstUtils.toDocumentSegment(node.$cstNode);
        this.type = node.$type;
        this.#nameProvider = nameProvider;
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.#nameSegment ??= CstUtils.toDocumentSegment(this.#nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
    }
}
