import { DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';

/**
 * Indexes a document's references from the list the linker collected, instead of streaming every
 * node of the AST again (the default); the result is the same.
 */
export class MoatReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        for (const reference of document.references) {
            const container = reference.$refNode?.astNode;
            if (reference.error || !container) continue;
            descriptions.push(...this.createInfoDescriptions({ reference, container, property: '' }));
        }
        return descriptions;
    }
}
