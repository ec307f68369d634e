import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument, type Mutable, type ParseResult, type URI } from 'langium';
import { reparseDeclaration } from '../parser/declaration-reparse.js';

/**
 * Langium's document factory, except that an edited `.tm` document whose edit stays inside one
 * top-level declaration has only that declaration re-parsed (see declaration-reparse.ts); any
 * other change is parsed in full, as before.
 */
export class MoatDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse results of the documents being updated, by URI, while their new text is read. */
    private readonly previous = new Map<string, ParseResult<AstNode>>();

    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.previous.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previous.delete(key);
        }
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previous.get(uri.toString());
        const reparsed = previous && reparseDeclaration(previous, text, this.serviceRegistry.getServices(uri).parser.LangiumParser);
        return reparsed ? Promise.resolve(reparsed as unknown as ParseResult<T>) : super.parseAsync(uri, text, cancellationToken);
    }
}
