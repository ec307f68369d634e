import type { LangiumDocument, LangiumDocuments, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { AnalysisProvider } from '../../analysis/analysis-provider.js';
import type { MoatServices } from '../../moat-module.js';
import { IssueCodes } from '../../validation/issue-codes.js';
import { derivedThreatFixes } from './derived-threat-fixes.js';
import type { QuickFixBuilder } from './quick-fix-context.js';
import { mitigationStubFixes, questionFixes, storyLinkFixes } from './traceability-fixes.js';

/** The quick fixes of each diagnostic code that has some. */
const QUICK_FIXES: Partial<Record<string, QuickFixBuilder>> = {
    [IssueCodes.UnaddressedThreat]: derivedThreatFixes,
    [IssueCodes.UnansweredQuestion]: questionFixes,
    [IssueCodes.UnmitigatedThreat]: mitigationStubFixes,
    [IssueCodes.UnlinkedWithoutClause]: storyLinkFixes
};

/** Quick fixes, chosen by the diagnostic's code; each is a minimal text edit that keeps comments and layout. */
export class MoatCodeActionProvider implements CodeActionProvider {
    private readonly analyses: AnalysisProvider;
    private readonly documents: LangiumDocuments;

    constructor(services: MoatServices) {
        this.analyses = services.analysis.AnalysisProvider;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as Record<string, unknown> | undefined;
            const build = QUICK_FIXES[String(diagnostic.code ?? data?.code)];
            if (!build || !data) continue;
            // The fixes of the model the diagnostic is about, when the file belongs to several.
            const analysis = this.analyses.analysesCovering(document).find(candidate => candidate.model.uri === data.model);
            if (analysis) actions.push(...build({ document, diagnostic, data, analysis, documents: this.documents }));
        }
        return actions;
    }
}
