import { WorkspaceCache, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import { isModelFile, type Import, type ModelFile } from '../generated/ast.js';
import type { MoatServices } from '../moat-module.js';
import { resolveReferencedPath } from './referenced-path.js';

/**
 * The graph of `import` statements between the loaded `.tm` documents. Names resolve across a
 * document's import closure; the closure is also what one threat model is made of.
 */
export class ImportGraph {
    private readonly documents: LangiumDocuments;
    private readonly closures: WorkspaceCache<string, LangiumDocument<ModelFile>[]>;
    private readonly importersCache: WorkspaceCache<string, Map<string, string[]>>;

    constructor(services: MoatServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.closures = new WorkspaceCache(services.shared);
        this.importersCache = new WorkspaceCache(services.shared);
    }

    /** The URI an import statement points at, relative to the importing file; none while its path is missing (a parse error). */
    resolve(node: Import, from: URI): URI | undefined {
        return typeof node.path === 'string' && node.path !== '' ? resolveReferencedPath(from, node.path) : undefined;
    }

    /** The loaded document an import points at, if it is a loaded `.tm` document. */
    target(node: Import, from: URI): LangiumDocument<ModelFile> | undefined {
        const uri = this.resolve(node, from);
        const document = uri && this.documents.getDocument(uri);
        return document && isModelFile(document.parseResult.value) ? document as LangiumDocument<ModelFile> : undefined;
    }

    /** The document followed by everything it imports, transitively, each once (cycles are cut). */
    closure(document: LangiumDocument): LangiumDocument<ModelFile>[] {
        return this.closures.get(document.uri.toString(), () => {
            const seen = new Set<string>();
            const order: LangiumDocument<ModelFile>[] = [];
            const pending = [document];
            while (pending.length > 0) {
                const current = pending.shift()!;
                const root = current.parseResult.value;
                if (seen.has(current.uri.toString()) || !isModelFile(root)) continue;
                seen.add(current.uri.toString());
                order.push(current as LangiumDocument<ModelFile>);
                for (const node of root.imports) {
                    const next = this.target(node, current.uri);
                    if (next) pending.push(next);
                }
            }
            return order;
        });
    }

    /** The chain of imports leading from `node`'s target back to the importing document, if any. */
    cycleThrough(node: Import, from: LangiumDocument): URI[] | undefined {
        const start = this.target(node, from.uri);
        if (!start) return undefined;
        const origin = from.uri.toString();
        const parents = new Map<string, LangiumDocument<ModelFile> | undefined>([[start.uri.toString(), undefined]]);
        const pending = [start];
        while (pending.length > 0) {
            const current = pending.shift()!;
            for (const next of current.parseResult.value.imports) {
                const target = this.target(next, current.uri);
                if (!target) continue;
                if (target.uri.toString() === origin) return [...pathTo(current, parents), from.uri];
                if (!parents.has(target.uri.toString())) {
                    parents.set(target.uri.toString(), current);
                    pending.push(target);
                }
            }
        }
        return undefined;
    }

    /** URIs of the documents whose closure contains the given one (itself included). */
    importersOf(document: LangiumDocument): string[] {
        const reverse = this.importersCache.get('all', () => this.reverseEdges());
        const seen = new Set<string>([document.uri.toString()]);
        const pending = [document.uri.toString()];
        while (pending.length > 0) {
            for (const importer of reverse.get(pending.pop()!) ?? []) {
                if (!seen.has(importer)) {
                    seen.add(importer);
                    pending.push(importer);
                }
            }
        }
        return [...seen];
    }

    private reverseEdges(): Map<string, string[]> {
        const reverse = new Map<string, string[]>();
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            if (!isModelFile(root)) continue;
            for (const node of root.imports) {
                const target = this.resolve(node, document.uri)?.toString();
                if (!target) continue;
                const importers = reverse.get(target);
                if (importers) importers.push(document.uri.toString());
                else reverse.set(target, [document.uri.toString()]);
            }
        }
        return reverse;
    }
}

function pathTo(document: LangiumDocument<ModelFile>, parents: Map<string, LangiumDocument<ModelFile> | undefined>): URI[] {
    const chain: URI[] = [];
    for (let current: LangiumDocument<ModelFile> | undefined = document; current; current = parents.get(current.uri.toString())) {
        chain.unshift(current.uri);
    }
    return chain;
}
