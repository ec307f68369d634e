import { createLangiumParser, inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { AnalysisProvider } from './analysis/analysis-provider.js';
import { MoatCodeActionProvider } from './editor/quick-fixes/moat-code-action-provider.js';
import { KnowledgeBaseFormatter } from './editor/formatting/knowledge-base-formatter.js';
import { MoatFormatter } from './editor/formatting/moat-formatter.js';
import { MoatCompletionProvider } from './editor/moat-completion-provider.js';
import { MoatHoverProvider } from './editor/moat-hover-provider.js';
import { MoatCodeLensProvider } from './editor/lens/moat-code-lens-provider.js';
import { MoatDocumentLinkProvider } from './editor/lens/moat-document-link-provider.js';
import { MoatInlayHintProvider } from './editor/lens/moat-inlay-hint-provider.js';
import { MoatSemanticTokenProvider } from './editor/moat-semantic-tokens.js';
import { KnowledgeBaseGeneratedModule, MoatGeneratedModule, MoatGeneratedSharedModule } from './generated/module.js';
import { KnowledgeBaseRegistry } from './knowledge/knowledge-base-registry.js';
import { MoatDocumentUpdateHandler } from './lsp/moat-document-update-handler.js';
import { ThreatModelProvider } from './model/threat-model-provider.js';
import { guardParser, MAX_CHAINED_OPERATORS, MAX_NESTING_DEPTH } from './parser/guarded-parser.js';
import { MoatScopeComputation } from './references/moat-scope-computation.js';
import { MoatLinker } from './references/moat-linker.js';
import { MoatReferenceDescriptionProvider } from './references/moat-reference-descriptions.js';
import { MoatScopeProvider } from './references/moat-scope-provider.js';
import { MoatDocumentValidator } from './validation/moat-document-validator.js';
import { registerKnowledgeBaseValidationChecks } from './validation/knowledge-base/knowledge-base-validator.js';
import { registerMoatValidationChecks } from './validation/moat-validator.js';
import { Clock } from './workspace/clock.js';
import { ImportGraph } from './workspace/import-graph.js';
import { MoatDocumentBuilder } from './workspace/moat-document-builder.js';
import { MoatDocumentFactory } from './workspace/moat-document-factory.js';
import { ReferencedFileLoader } from './workspace/referenced-file-loader.js';

/** The services Moat adds to Langium's for the `.tm` language. */
export type MoatAddedServices = {
    workspace: {
        ImportGraph: ImportGraph;
        Clock: Clock;
    };
    knowledge: {
        KnowledgeBaseRegistry: KnowledgeBaseRegistry;
    };
    model: {
        ThreatModelProvider: ThreatModelProvider;
    };
    analysis: {
        AnalysisProvider: AnalysisProvider;
    };
};

/** Every service of the `.tm` language. */
export type MoatServices = LangiumServices & MoatAddedServices;

/** Every service of the `.tmkb` language. */
export type KnowledgeBaseServices = LangiumServices;

/** Where each Moat service of the `.tm` language is bound: the table of contents of the server. */
export const MoatModule: Module<MoatServices, PartialLangiumServices & MoatAddedServices> = {
    knowledge: {
        KnowledgeBaseRegistry: services => new KnowledgeBaseRegistry(services)
    },
    model: {
        ThreatModelProvider: services => new ThreatModelProvider(services)
    },
    analysis: {
        AnalysisProvider: services => new AnalysisProvider(services)
    },
    parser: {
        LangiumParser: services => guardParser(() => createLangiumParser(services))
    },
    references: {
        ScopeComputation: services => new MoatScopeComputation(services),
        ScopeProvider: services => new MoatScopeProvider(services),
        Linker: services => new MoatLinker(services)
    },
    workspace: {
        ImportGraph: services => new ImportGraph(services),
        Clock: () => new Clock(),
        ReferenceDescriptionProvider: services => new MoatReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new MoatDocumentValidator(services)
    },
    /** Editor features: catalogue ids completed and explained on hover, model facts on hover, formatting, lenses, inlay hints, links. */
    lsp: {
        CompletionProvider: services => new MoatCompletionProvider(services),
        CodeActionProvider: services => new MoatCodeActionProvider(services),
        HoverProvider: services => new MoatHoverProvider(services),
        Formatter: () => new MoatFormatter(),
        CodeLensProvider: services => new MoatCodeLensProvider(services),
        InlayHintProvider: services => new MoatInlayHintProvider(services),
        DocumentLinkProvider: services => new MoatDocumentLinkProvider(services),
        SemanticTokenProvider: services => new MoatSemanticTokenProvider(services)
    }
};

/** Services of the `.tmkb` language that differ from Langium's defaults. */
export const KnowledgeBaseModule: Module<KnowledgeBaseServices, PartialLangiumServices> = {
    parser: {
        LangiumParser: services => guardParser(() => createLangiumParser(services), { brackets: MAX_NESTING_DEPTH, operators: MAX_CHAINED_OPERATORS })
    },
    lsp: {
        CompletionProvider: services => new MoatCompletionProvider(services),
        HoverProvider: services => new MoatHoverProvider(services),
        Formatter: () => new KnowledgeBaseFormatter()
    }
};

/** The shared services Moat adds. */
export type MoatAddedSharedServices = {
    workspace: {
        ReferencedFileLoader: ReferencedFileLoader;
    };
};

/** Shared services of the Moat server. */
export type MoatSharedServices = LangiumSharedServices & MoatAddedSharedServices;

/** Shared services Moat adds or replaces: which models a changed file affects, loading what models import, closing documents. */
export const MoatSharedModule: Module<MoatSharedServices, DeepPartial<LangiumSharedServices> & MoatAddedSharedServices> = {
    workspace: {
        DocumentBuilder: services => new MoatDocumentBuilder(services),
        LangiumDocumentFactory: services => new MoatDocumentFactory(services),
        ReferencedFileLoader: services => new ReferencedFileLoader(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new MoatDocumentUpdateHandler(services)
    }
};

/** All services of the Moat server: the shared ones and one set per language. */
export interface MoatLanguageServices {
    shared: MoatSharedServices;
    moat: MoatServices;
    knowledgeBase: KnowledgeBaseServices;
}

/**
 * Creates Moat's services. `overrides` replaces services of the `.tm` language, e.g. a fixed
 * `Clock` in tests.
 */
export function createMoatServices(context: DefaultSharedModuleContext, overrides?: Module<MoatServices, PartialLangiumServices & DeepPartial<MoatAddedServices>>): MoatLanguageServices {
    const shared = inject(createDefaultSharedModule(context), MoatGeneratedSharedModule, MoatSharedModule);
    const moat = inject(createDefaultModule({ shared }), MoatGeneratedModule, MoatModule, overrides ?? {});
    const knowledgeBase = inject(createDefaultModule({ shared }), KnowledgeBaseGeneratedModule, KnowledgeBaseModule);
    shared.ServiceRegistry.register(moat);
    shared.ServiceRegistry.register(knowledgeBase);
    registerMoatValidationChecks(moat);
    registerKnowledgeBaseValidationChecks(knowledgeBase, moat);
    shared.workspace.ReferencedFileLoader.start();
    return { shared, moat, knowledgeBase };
}
