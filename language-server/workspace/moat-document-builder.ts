import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import type { ImportGraph } from './import-graph.js';
import { referencedFiles } from './referenced-files.js';

/**
 * Langium relinks a document when a file it already references changes. A model also depends on
 * files it imports or names as knowledge bases without naming anything in them yet (or that were
 * just loaded), on the files that import it (whether an
 * element is in a flow is decided there) and on its knowledge bases; those documents are relinked
 * and revalidated too.
 */
export class MoatDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) return true;
        const importGraph = this.importGraphFor(document);
        if (!importGraph) return false;
        if ([...changedUris].some(uri => uri.endsWith('.tmkb'))) return true;
        return referencedFiles(document).some(uri => changedUris.has(uri.toString()))
            || importGraph.closure(document).some(each => changedUris.has(each.uri.toString()))
            || importGraph.importersOf(document).some(uri => changedUris.has(uri));
    }

    private importGraphFor(document: LangiumDocument): ImportGraph | undefined {
        const services = this.serviceRegistry.getServices(document.uri) as { workspace: { ImportGraph?: ImportGraph } };
        return services.workspace.ImportGraph;
    }
}
