import { AstUtils, EMPTY_STREAM, stream, WorkspaceCache, type AstNodeDescription, type AstReflection, type IndexManager, type LangiumDocument, type ReferenceInfo, type Scope, type Stream } from 'langium';
import type { MoatServices } from '../moat-module.js';
import type { ImportGraph } from '../workspace/import-graph.js';

/**
 * Resolves a reference by looking its text up in a map of the names visible from the document: its
 * own declarations and those of every file it imports, transitively. One map per document and
 * workspace state keeps linking linear in the size of the model (the default scope chain is
 * quadratic on this grammar's shape; see bench/README.md).
 */
export class MoatScopeProvider {
    private readonly reflection: AstReflection;
    private readonly indexManager: IndexManager;
    private readonly importGraph: ImportGraph;
    private readonly tables: WorkspaceCache<string, VisibleNames>;

    constructor(services: MoatServices) {
        this.reflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        this.importGraph = services.workspace.ImportGraph;
        this.tables = new WorkspaceCache(services.shared);
    }

    getScope(context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        const visible = this.tables.get(document.uri.toString(), () => ({ table: this.visibleNames(document), scopes: new Map() }));
        // One scope per reference type: a model links thousands of references to a handful of types.
        const type = this.reflection.getReferenceType(context);
        let scope = visible.scopes.get(type);
        if (!scope) {
            scope = new NameTableScope(visible.table, type, this.reflection);
            visible.scopes.set(type, scope);
        }
        return scope;
    }

    private visibleNames(document: LangiumDocument): Map<string, AstNodeDescription[]> {
        const uris = new Set(this.importGraph.closure(document).map(each => each.uri.toString()));
        const table = new Map<string, AstNodeDescription[]>();
        for (const description of this.indexManager.allElements(undefined, uris)) {
            const entries = table.get(description.name);
            if (entries) entries.push(description);
            else table.set(description.name, [description]);
        }
        return table;
    }
}

/** The names visible from a document, and the scopes over them by reference type. */
interface VisibleNames {
    table: Map<string, AstNodeDescription[]>;
    scopes: Map<string, NameTableScope>;
}

/** A scope over a name table, filtered to the reference's target type. */
class NameTableScope implements Scope {
    constructor(
        private readonly table: Map<string, AstNodeDescription[]>,
        private readonly type: string,
        private readonly reflection: AstReflection
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.table.get(name)?.find(description => this.accepts(description));
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const entries = this.table.get(name);
        return entries ? stream(entries).filter(description => this.accepts(description)) : EMPTY_STREAM;
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.table.values()).flat().filter(description => this.accepts(description));
    }

    private accepts(description: AstNodeDescription): boolean {
        return this.reflection.isSubtype(description.type, this.type);
    }
}
