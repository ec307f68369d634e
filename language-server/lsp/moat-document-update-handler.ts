import { URI, type FileSystemProvider, type LangiumDocuments, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

/**
 * Langium 4 does nothing when the editor closes a document: the document, its diagnostics and its
 * analysis stay in the server with the editor's last text. A document that is not on disk (unsaved,
 * or deleted meanwhile) is forgotten, which also publishes an empty diagnostics list for it; one on
 * disk goes back to its saved text, so edits closed without saving stop counting.
 */
export class MoatDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.documents = services.workspace.LangiumDocuments;
    }

    /** Forgets a closed document that exists only in the editor, and reverts one on disk to its saved text. */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        // `untitled:` and other editor-only schemes have no file behind them, whatever their path says.
        if (uri.scheme !== 'file' || !this.fileSystem.existsSync(uri)) this.fireDocumentUpdate([], [uri]);
        else if (this.documents.getDocument(uri)?.textDocument.getText() !== this.fileSystem.readFileSync(uri)) this.fireDocumentUpdate([uri], []);
    }
}
