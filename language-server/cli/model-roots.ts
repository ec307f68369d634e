import type { LangiumDocument } from 'langium';
import type { Analysis } from '../analysis/analysis-types.js';
import { isModelFile } from '../generated/ast.js';
import type { MoatLanguageServices } from '../moat-module.js';

/**
 * The analyses of the models among loaded documents: one per `.tm` document that declares a model
 * or that nothing imports except files it imports itself (a file checked on its own, or the files
 * of an import cycle). Files a model imports are analysed as part of it, so each threat is listed
 * once.
 */
export function analysesOf(services: MoatLanguageServices, documents: readonly LangiumDocument[]): Analysis[] {
    const provider = services.moat.analysis.AnalysisProvider;
    const graph = services.moat.workspace.ImportGraph;
    const models = documents.filter(document => isModelFile(document.parseResult.value));
    const roots = models.filter(document => {
        const root = document.parseResult.value;
        const declaresModel = isModelFile(root) && root.declarations.some(declaration => declaration.$type === 'Model');
        if (declaresModel) return true;
        const closure = new Set(graph.closure(document).map(each => each.uri.toString()));
        return graph.importersOf(document).every(uri => closure.has(uri));
    });
    return roots.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString())).map(document => provider.analysis(document));
}
