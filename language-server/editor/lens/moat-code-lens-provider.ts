import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { AnalysisProvider } from '../../analysis/analysis-provider.js';
import type { MoatServices } from '../../moat-module.js';
import { subjectLenses } from './subject-lenses.js';

/**
 * CodeLens that carry the model's links inline: above each element and flow its open threats and
 * open questions (running the question prompt there), above each story its threats and their
 * mitigations with status, and "Open preview" above the model.
 */
export class MoatCodeLensProvider implements CodeLensProvider {
    private readonly analyses: AnalysisProvider;

    constructor(services: MoatServices) {
        this.analyses = services.analysis.AnalysisProvider;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const analysis = this.analyses.analysesCovering(document)[0];
        return analysis ? subjectLenses(analysis, document.uri.toString()) : [];
    }
}
