import { DocumentState, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { MoatLanguageServices } from '../moat-module.js';
import { GetQuestionsRequest, type DocumentParams, type QuestionsResult } from '../protocol.js';

/** Answers Moat's own requests (protocol.ts) on the connection, from the built workspace. */
export function registerMoatRequests(connection: Connection, { shared, moat }: MoatLanguageServices): void {
    connection.onRequest(GetQuestionsRequest.method, async ({ uri }: DocumentParams, cancel): Promise<QuestionsResult | null> => {
        const parsed = URI.parse(uri);
        const document = shared.workspace.LangiumDocuments.getDocument(parsed);
        if (!document) return null;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, cancel);
        const seen = new Set<string>();
        const questions = moat.analysis.AnalysisProvider.analysesCovering(document)
            .flatMap(analysis => analysis.questions)
            .filter(question => question.location.uri === document.uri.toString() && !seen.has(question.id) && seen.add(question.id) !== undefined);
        return { uri, questions };
    });
}
