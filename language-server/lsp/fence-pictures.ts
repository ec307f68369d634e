import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMoatServices, type MoatLanguageServices } from '../moat-module.js';
import { renderPicture, type PictureOptions } from '../render/render-picture.js';

/** The URI scheme of the throw-away documents that Markdown fences are analysed in. */
export const FENCE_SCHEME = 'moat-fence';

/**
 * Pictures of `.tm` text that is not a file, such as a fenced block in Markdown. The text is built
 * in a workspace of its own — never the editor's, so a fence neither publishes diagnostics nor
 * competes with the editor's builds — analysed, rendered, and removed again. One at a time, so
 * fences never see each other's declarations.
 */
export class FencePictures {
    private queue: Promise<unknown> = Promise.resolve();
    private count = 0;
    private services: MoatLanguageServices | undefined;

    /** The picture of the text, as `moat render` would draw it for a file holding it. */
    render(text: string, options: PictureOptions): Promise<string> {
        const next = this.queue.then(() => this.renderNow(text, options));
        this.queue = next.catch(() => undefined);
        return next;
    }

    private async renderNow(text: string, options: PictureOptions): Promise<string> {
        const { shared, moat } = this.services ??= createMoatServices(NodeFileSystem);
        const uri = URI.parse(`${FENCE_SCHEME}:///fence-${++this.count}.tm`);
        const document: LangiumDocument = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        try {
            await shared.workspace.DocumentBuilder.build([document], { validation: false });
            return await renderPicture(moat.analysis.AnalysisProvider.analysis(document), options);
        } finally {
            // Through the builder, which also drops the document's index entries (deleteDocument alone would keep its tree).
            await shared.workspace.DocumentBuilder.update([], [uri]);
        }
    }
}
