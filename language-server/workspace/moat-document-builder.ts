import { Cancellation, DefaultDocumentBuilder, delayNextTick, isOperationCancelled, OperationCancelled, UriUtils, type BuildOptions, type DocumentState, type LangiumDocument, type URI } from 'langium';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
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

    /**
     * Lets the messages already received run before parsing: each `didChange` starts a build that the
     * next one cancels, but Langium parses before it first yields, so a burst of edits queued behind
     * a long build (typing into a large model) cost one parse of the whole file per keystroke.
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (cancelToken !== Cancellation.CancellationToken.None) {
            await delayNextTick();
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
        }
        return super.buildDocuments(documents, options, cancelToken);
    }

    /**
     * Waits as Langium does, but a document deleted while it is awaited (closed without a file on
     * disk) ends the wait: Langium would keep the request waiting for a build that never comes.
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        const stop = new Cancellation.CancellationTokenSource();
        const forwarded = cancelToken.onCancellationRequested(() => stop.cancel());
        const deleted = this.onUpdate((_changed, deletedUris) => {
            if (deletedUris.some(each => UriUtils.equals(each, uri))) stop.cancel();
        });
        return super.awaitDocumentState(state, uri, stop.token)
            .catch(error => {
                if (isOperationCancelled(error) && !cancelToken.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, `${uri.toString()} was closed before it was built.`);
                throw error;
            })
            .finally(() => {
                forwarded.dispose();
                deleted.dispose();
                stop.dispose();
            });
    }

    private importGraphFor(document: LangiumDocument): ImportGraph | undefined {
        const services = this.serviceRegistry.getServices(document.uri) as { workspace: { ImportGraph?: ImportGraph } };
        return services.workspace.ImportGraph;
    }
}
