import { DocumentState, interruptAndCheck, isOperationCancelled, ReadPriority, URI, type LangiumDocument } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { MoatLanguageServices } from '../moat-module.js';
import {
    AnswerQuestionRequest, GetPreviewRequest, GetQuestionsRequest, GetSummaryRequest, RenderPictureRequest, type AnswerQuestionParams, type DocumentParams,
    type MoatRequest, type RenderPictureParams
} from '../protocol.js';
import { renderPicture } from '../render/render-picture.js';
import { answerEdit } from './answer-edit.js';
import { FencePictures } from './fence-pictures.js';
import { notifyModelChanges } from './model-changed-notifier.js';
import { modelSummary, previewData } from './preview-data.js';

/** Answers Moat's own requests (protocol.ts) on the connection, from the built workspace, and announces model changes. */
export function registerMoatRequests(connection: Connection, services: MoatLanguageServices): void {
    const { shared, moat } = services;
    const analysisOf = (document: LangiumDocument) => moat.analysis.AnalysisProvider.analysesCovering(document)[0];
    const built = async (uri: string, cancel: CancellationToken): Promise<LangiumDocument | undefined> => {
        const parsed = URI.parse(uri);
        // As Langium's own handlers do: a request arriving while the server reads the workspace (a preview
        // restored after a reload, the question prompt run at once) waits for it instead of finding no document.
        await shared.workspace.WorkspaceManager.ready;
        if (!shared.workspace.LangiumDocuments.getDocument(parsed)) return undefined;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, cancel).catch((error: unknown) => {
            // Closed and forgotten before it was built (MoatDocumentBuilder ends the wait so): an unknown document, below.
            if ((error as { code?: unknown } | undefined)?.code !== LSPErrorCodes.ServerCancelled) throw error;
        });
        // waitUntil resolves for a built document even when the client has cancelled: look once more, letting a pending cancellation arrive.
        await interruptAndCheck(cancel);
        // The document may have been closed and forgotten while the build ran.
        return shared.workspace.LangiumDocuments.getDocument(parsed);
    };
    /**
     * Runs work on a built document as Langium's own handlers do: concurrently to a running build but
     * holding off the next one, which may update syntax trees in place (declaration re-parsing).
     */
    const reading = <T>(action: () => T | Promise<T>): Promise<T> => shared.workspace.WorkspaceLock.read(action, ReadPriority.Immediate);
    const on = <P, R>(request: MoatRequest<P, R | null>, handle: (params: P, cancel: CancellationToken) => Promise<R | null>) => {
        connection.onRequest(request.method, async (params: P, cancel: CancellationToken): Promise<R | null> => {
            try {
                return await handle(params, cancel);
            } catch (error) {
                // As Langium's own handlers do: a bare OperationCancelled would reach the client as an internal error.
                if (isOperationCancelled(error)) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
                connection.console.error(`${request.method} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
                return null;
            }
        });
    };

    on(GetQuestionsRequest, async ({ uri }: DocumentParams, cancel) => {
        const document = await built(uri, cancel);
        if (!document) return null;
        return reading(() => {
            const seen = new Set<string>();
            const questions = moat.analysis.AnalysisProvider.analysesCovering(document)
                .flatMap(analysis => analysis.questions)
                .filter(question => question.location.uri === document.uri.toString() && !seen.has(question.id) && seen.add(question.id) !== undefined);
            return { uri, questions };
        });
    });
    on(GetPreviewRequest, async ({ uri }: DocumentParams, cancel) => {
        const document = await built(uri, cancel);
        return document ? reading(() => previewData(uri, analysisOf(document))) : null;
    });
    on(GetSummaryRequest, async ({ uri }: DocumentParams, cancel) => {
        const document = await built(uri, cancel);
        return document ? reading(() => modelSummary(analysisOf(document))) : null;
    });
    const fences = new FencePictures();
    on(RenderPictureRequest, async ({ uri, text, options }: RenderPictureParams, cancel) => {
        if (text !== undefined) return { picture: await fences.render(text, options) };
        const document = uri === undefined ? undefined : await built(uri, cancel);
        return document ? reading(async () => ({ picture: await renderPicture(analysisOf(document), options) })) : null;
    });
    on(AnswerQuestionRequest, async (params: AnswerQuestionParams, cancel) => {
        const document = await built(params.uri, cancel);
        return document ? reading(() => {
            const edit = answerEdit(document, params);
            return edit ? { uri: params.uri, version: document.textDocument.version, edit } : null;
        }) : null;
    });
    notifyModelChanges(connection, services);
}
