import { URI, WorkspaceCache, type LangiumDocument } from 'langium';
import type { MoatServices } from '../moat-module.js';
import type { ThreatModelProvider } from '../model/threat-model-provider.js';
import { findModelDeclaration } from '../model/threat-model-builder.js';
import type { ImportGraph } from '../workspace/import-graph.js';
import type { Vocabulary } from '../knowledge/knowledge-base-types.js';
import { analyseModel } from './analyse-model.js';
import type { Analysis } from './analysis-types.js';
import { analysisFindings } from './findings/analysis-findings.js';
import type { Finding } from './findings/finding.js';
import { compileKnowledge, type CompiledKnowledge } from './rule-engine.js';

/**
 * The STRIDE analysis of documents, computed once per workspace state. A file that a model imports
 * is analysed as part of that model (its threats may be adopted or covered in another file), so
 * `analysesCovering` finds the models a document belongs to.
 */
export class AnalysisProvider {
    private readonly models: ThreatModelProvider;
    private readonly importGraph: ImportGraph;
    private readonly documents: MoatServices['shared']['workspace']['LangiumDocuments'];
    private readonly analyses: WorkspaceCache<string, Analysis>;
    /** Compiled once per vocabulary, which changes only when a knowledge base does. */
    private readonly compiled = new WeakMap<Vocabulary, CompiledKnowledge>();
    /** The latest analysis of each model, by its root document: the next one re-evaluates only what an edit changed. */
    private readonly latest = new Map<string, Analysis>();
    /** Findings not yet shown, by analysis and file: each file takes its own once, so none are kept. */
    private readonly pendingFindings = new WeakMap<Analysis, Map<string, Finding[]>>();

    constructor(services: MoatServices) {
        this.models = services.model.ThreatModelProvider;
        this.importGraph = services.workspace.ImportGraph;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.analyses = new WorkspaceCache(services.shared);
        services.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) this.latest.delete(uri.toString());
        });
    }

    /** The analysis of the model rooted at the document (the document and what it imports). */
    analysis(document: LangiumDocument): Analysis {
        const key = document.uri.toString();
        return this.analyses.get(key, () => {
            const analysis = analyseModel(this.models.threatModel(document), this.knowledge(this.models.vocabulary(document)), this.latest.get(key));
            this.latest.set(key, analysis);
            return analysis;
        });
    }

    /** The rules of a vocabulary, compiled. */
    knowledge(vocabulary: Vocabulary): CompiledKnowledge {
        let compiled = this.compiled.get(vocabulary);
        if (!compiled) {
            compiled = compileKnowledge(vocabulary);
            this.compiled.set(vocabulary, compiled);
        }
        return compiled;
    }

    /**
     * The findings of an analysis located in one file, for its diagnostics. They are computed for
     * the whole model once and handed out file by file; a file asking again (it is revalidated
     * without a change) gets them computed afresh.
     */
    findingsIn(analysis: Analysis, uri: string): Finding[] {
        let pending = this.pendingFindings.get(analysis);
        if (!pending || !pending.has(uri)) {
            pending = new Map<string, Finding[]>([[uri, []]]);
            for (const finding of analysisFindings(analysis)) {
                const list = pending.get(finding.location.uri);
                if (list) list.push(finding);
                else pending.set(finding.location.uri, [finding]);
            }
            this.pendingFindings.set(analysis, pending);
        }
        const findings = pending.get(uri)!;
        pending.delete(uri);
        return findings;
    }

    /**
     * The analyses that speak for a document: those of the models (files with a `model` header)
     * that import it, or its own when no model imports it or it declares the model itself.
     */
    analysesCovering(document: LangiumDocument): Analysis[] {
        if (declaresModel(document)) return [this.analysis(document)];
        const roots = this.importGraph.importersOf(document)
            .map(uri => this.documents.getDocument(URI.parse(uri)))
            .filter((candidate): candidate is LangiumDocument => candidate !== undefined && candidate !== document && declaresModel(candidate));
        return roots.length > 0 ? roots.map(root => this.analysis(root)) : [this.analysis(document)];
    }
}

function declaresModel(document: LangiumDocument): boolean {
    return findModelDeclaration([document as LangiumDocument<never>]) !== undefined;
}
