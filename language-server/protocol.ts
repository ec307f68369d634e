import type { StrideQuestion } from './analysis/analysis-types.js';
import type { SourceLocation } from './model/threat-model-types.js';
import type { DiagramGraph } from './render/diagram-types.js';
import type { PictureOptions } from './render/render-picture-options.js';
import type { TraceView } from './render/trace-types.js';

/**
 * Every message Moat adds to the Language Server Protocol, declared once: the server implements
 * them (lsp/moat-requests.ts), the extension and tests send them. Requests answer `null` for a
 * document the server does not know instead of failing. Types only: the extension, the webview
 * and tests import this module without pulling in the server.
 */

/**
 * A request: its method name and, as phantom types, its parameters and result. Plain data rather
 * than a `RequestType` so the server, the extension and tests can each use it with their own
 * version of vscode-jsonrpc.
 */
export interface MoatRequest<Params, Result> {
    readonly method: string;
    readonly types?: { params: Params; result: Result };
}

/** A notification from the server, declared the same way. */
export interface MoatNotification<Params> {
    readonly method: string;
    readonly types?: { params: Params };
}

/** Parameters naming one document. */
export interface DocumentParams {
    uri: string;
}

/** The STRIDE questions asked of a document's elements and flows, with their status. */
export interface QuestionsResult {
    uri: string;
    questions: StrideQuestion[];
}

/** `moat/getQuestions`: the STRIDE questions of the elements and flows declared in a document. */
export const GetQuestionsRequest: MoatRequest<DocumentParams, QuestionsResult | null> = { method: 'moat/getQuestions' };

/** Everything the preview draws for one model: the DFD, the traceability view and the questions. */
export interface PreviewData {
    uri: string;
    /** The model's label or name. */
    title: string;
    diagram: DiagramGraph;
    trace: TraceView;
    /** The questions of the whole model (the root document and its imports). */
    questions: StrideQuestion[];
    /** Where each element, flow, boundary, story, threat and mitigation is declared, by id. */
    locations: Record<string, SourceLocation>;
    counts: ModelCounts;
}

/** How big a model is and what is still open in it, as `moat check` counts open threats. */
export interface ModelCounts { elements: number; flows: number; openThreats: number; openQuestions: number }

/** `moat/getPreview`: the preview data of the model rooted at a document. */
export const GetPreviewRequest: MoatRequest<DocumentParams, PreviewData | null> = { method: 'moat/getPreview' };

/** What the language status item shows of a model: its title and counts, without the preview's diagram and questions. */
export interface ModelSummary {
    title: string;
    counts: ModelCounts;
}

/** `moat/getSummary`: the summary of the model rooted at a document (asked after every change, so kept small). */
export const GetSummaryRequest: MoatRequest<DocumentParams, ModelSummary | null> = { method: 'moat/getSummary' };

/** Parameters of `moat/renderPicture`: a document, or `.tm` text (a Markdown fence) analysed on its own. */
export interface RenderPictureParams {
    uri?: string;
    text?: string;
    options: PictureOptions;
}

/** `moat/renderPicture`: the picture `moat render` would write (SVG or Mermaid, DFD or traceability). */
export const RenderPictureRequest: MoatRequest<RenderPictureParams, { picture: string } | null> = { method: 'moat/renderPicture' };

/** Parameters of `moat/answerQuestion`: the document declaring the subject, and the answer. */
export interface AnswerQuestionParams {
    uri: string;
    subject: string;
    category: string;
    text: string;
    notApplicable: boolean;
}

/** A text edit in LSP form, so that this module needs no LSP library. */
export interface PlainTextEdit {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
}

/** The edit of `moat/answerQuestion`, with the version of the document it was computed on. */
export interface AnswerQuestionResult {
    uri: string;
    version: number;
    edit: PlainTextEdit;
}

/**
 * `moat/answerQuestion`: the minimal edit that writes an answer into the model. The client applies
 * it only to that version of the document (and asks again when the server has not caught up yet).
 */
export const AnswerQuestionRequest: MoatRequest<AnswerQuestionParams, AnswerQuestionResult | null> = { method: 'moat/answerQuestion' };

/** The documents whose model changed after a validated build. */
export interface ModelChangedParams {
    uris: string[];
}

/** `moat/modelChanged` (server → client): models were rebuilt; previews pull their data again. */
export const ModelChangedNotification: MoatNotification<ModelChangedParams> = { method: 'moat/modelChanged' };

/**
 * The extension's commands that the server's CodeLens run, with the document's URI (a string) and,
 * for some, an id of the model as arguments.
 */
export const ClientCommands = {
    /** Opens the preview of the document beside it. */
    openPreview: 'moat.openPreviewToSide',
    /** Walks the open STRIDE questions, starting at the given element or flow. */
    askQuestions: 'moat.askQuestions',
    /** Reveals the declaration of the given id. */
    revealDeclaration: 'moat.revealDeclaration'
} as const;
