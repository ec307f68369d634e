import type { StrideQuestion } from './analysis/analysis-types.js';

/**
 * Every message Moat adds to the Language Server Protocol, declared once: the server implements
 * them (lsp/moat-requests.ts), the extension and tests send them. Requests answer `null` for a
 * document the server does not know instead of failing.
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
