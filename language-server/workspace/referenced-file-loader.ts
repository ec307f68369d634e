import { DocumentState, type Disposable, type FileSystemProvider, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';
import { referencedFiles } from './referenced-files.js';

/**
 * Loads the files that built models import or name as knowledge bases but that the workspace did
 * not load — a file opened on its own, or an import outside the workspace folders — and rebuilds
 * with them, so an import that exists on disk always resolves.
 */
export class ReferencedFileLoader {
    private readonly shared: LangiumSharedCoreServices;
    private readonly fileSystem: FileSystemProvider;

    constructor(shared: LangiumSharedCoreServices) {
        this.shared = shared;
        this.fileSystem = shared.workspace.FileSystemProvider;
    }

    /** Starts watching builds; called once when the services are created. */
    start(): Disposable {
        return this.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => this.loadMissing(documents));
    }

    private loadMissing(built: readonly LangiumDocument[]): void {
        const documents = this.shared.workspace.LangiumDocuments;
        const missing = new Map<string, URI>();
        for (const document of built) {
            for (const uri of referencedFiles(document)) {
                if (!documents.hasDocument(uri) && this.fileSystem.existsSync(uri)) missing.set(uri.toString(), uri);
            }
        }
        if (missing.size === 0) return;
        void this.shared.workspace.WorkspaceLock.write(async token => {
            const uris = [...missing.values()].filter(uri => !documents.hasDocument(uri));
            for (const uri of uris) await documents.getOrCreateDocument(uri);
            if (uris.length > 0) await this.shared.workspace.DocumentBuilder.update(uris, [], token);
        });
    }
}
