import { AstUtils, WorkspaceCache, type LangiumDocument } from 'langium';
import type { Vocabulary } from '../knowledge/knowledge-base-types.js';
import type { KnowledgeBaseRegistry } from '../knowledge/knowledge-base-registry.js';
import type { MoatServices } from '../moat-module.js';
import type { Clock } from '../workspace/clock.js';
import type { ImportGraph } from '../workspace/import-graph.js';
import { buildThreatModel, findModelDeclaration, settingsOf } from './threat-model-builder.js';
import type { ThreatModel } from './threat-model-types.js';

/**
 * The threat model of a document, built once per workspace state and shared by validation, LSP
 * features and the CLI. Nothing else builds one.
 */
export class ThreatModelProvider {
    private readonly importGraph: ImportGraph;
    private readonly knowledgeBases: KnowledgeBaseRegistry;
    private readonly clock: Clock;
    private readonly models: WorkspaceCache<string, ThreatModel>;
    /** Checks ask for the vocabulary once per declaration: looked up once per document and workspace state. */
    private readonly vocabularies: WorkspaceCache<string, Vocabulary>;

    constructor(services: MoatServices) {
        this.importGraph = services.workspace.ImportGraph;
        this.knowledgeBases = services.knowledge.KnowledgeBaseRegistry;
        this.clock = services.workspace.Clock;
        this.models = new WorkspaceCache(services.shared);
        this.vocabularies = new WorkspaceCache(services.shared);
    }

    /** The model of the document and everything it imports. */
    threatModel(document: LangiumDocument): ThreatModel {
        return this.models.get(document.uri.toString(), () => buildThreatModel(this.importGraph.closure(document), {
            vocabulary: this.vocabulary(document),
            today: this.clock.today()
        }));
    }

    /** The vocabulary that applies to a document: that of the knowledge bases its model names. */
    vocabulary(document: LangiumDocument): Vocabulary {
        return this.vocabularies.get(document.uri.toString(), () => {
            const model = findModelDeclaration(this.importGraph.closure(document));
            const declaredIn = model ? AstUtils.getDocument(model).uri : document.uri;
            return this.knowledgeBases.vocabulary(settingsOf(model).knowledgeBases, declaredIn);
        });
    }
}
