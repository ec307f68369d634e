import { DocumentState, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { MoatLanguageServices } from '../moat-module.js';
import { ModelChangedNotification, type ModelChangedParams } from '../protocol.js';
import { FENCE_SCHEME } from './fence-pictures.js';

/** Builds arriving within this time are announced together. */
const DEBOUNCE_MS = 60;

/**
 * Announces `moat/modelChanged` after each validated build: the rebuilt `.tm` documents and the
 * models that import them, so a preview of a model refreshes when one of its files changes.
 */
export function notifyModelChanges(connection: Connection, { shared, moat }: MoatLanguageServices): void {
    let pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
        timer = undefined;
        const params: ModelChangedParams = { uris: [...pending] };
        pending = new Set();
        if (params.uris.length > 0) void connection.sendNotification(ModelChangedNotification.method, params);
    };
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents: LangiumDocument[]) => {
        for (const document of documents) {
            if (document.uri.scheme === FENCE_SCHEME || !document.uri.path.endsWith('.tm')) continue;
            pending.add(document.uri.toString());
            try {
                for (const analysis of moat.analysis.AnalysisProvider.analysesCovering(document)) pending.add(analysis.model.uri);
            } catch (error) {
                connection.console.error(`moat/modelChanged: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
        timer ??= setTimeout(flush, DEBOUNCE_MS);
    });
}
