import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analysis-types.js';

/** What a quick fix works from: the document, the diagnostic it fixes and the model's analysis. */
export interface QuickFixContext {
    document: LangiumDocument;
    diagnostic: Diagnostic;
    /** The diagnostic's `data`, as the analysis findings set it. */
    data: Record<string, unknown>;
    analysis: Analysis;
    documents: LangiumDocuments;
}

/** Builds the quick fixes for one diagnostic code. */
export type QuickFixBuilder = (context: QuickFixContext) => CodeAction[];

/** A quick-fix code action editing one or more documents. */
export function quickFix(title: string, context: QuickFixContext, edits: Record<string, TextEdit[]>, preferred = false): CodeAction {
    return { title, kind: 'quickfix', diagnostics: [context.diagnostic], isPreferred: preferred, edit: { changes: edits } };
}

/** Every name a model's declarations use, so new ones can be fresh. */
export function takenNames(analysis: Analysis): Set<string> {
    const { model } = analysis;
    return new Set([
        ...model.elements, ...model.flows, ...model.data, ...model.boundaries, ...model.threats, ...model.mitigations,
        ...model.events, ...model.stories, ...model.requirements
    ].map(entity => entity.id));
}

/** A string as a `.tm` string literal. */
export function quoted(text: string): string {
    return `"${text.replace(/[\\"]/g, character => `\\${character}`).replace(/[\r\n]+/g, ' ')}"`;
}
