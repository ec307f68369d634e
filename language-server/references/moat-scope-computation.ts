import { MultiMap, type AstNode, type AstNodeDescription, type AstNodeLocator, type LangiumDocument, type LocalSymbols, type NameProvider, type ScopeComputation } from 'langium';
import { isBoundary, isModelFile, type Boundary, type Declaration, type Element } from '../generated/ast.js';
import type { MoatServices } from '../moat-module.js';
import { NodeDescription } from './node-description.js';

/**
 * Exports every named declaration of a `.tm` file by its simple name, and elements and boundaries
 * nested in boundaries also by every qualified suffix (`Core.Vault`, `Cloud.Core.Vault`). There are no local scopes: all
 * names of a model live in one namespace, so the default computation's walk of every node (and the
 * scope chain it builds, quadratic on large models) is skipped.
 */
export class MoatScopeComputation implements ScopeComputation {
    private readonly locator: AstNodeLocator;
    private readonly names: NameProvider;

    constructor(services: MoatServices) {
        this.locator = services.workspace.AstNodeLocator;
        this.names = services.references.NameProvider;
    }

    async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const exports: AstNodeDescription[] = [];
        if (!isModelFile(root)) return exports;
        const add = (node: AstNode, name: string | undefined) => {
            if (name) exports.push(new NodeDescription(node, name, document.uri, this.locator.getAstNodePath(node), this.names));
        };
        for (const declaration of root.declarations) {
            add(declaration, declarationName(declaration));
            if (isBoundary(declaration)) this.exportMembers(declaration, [declaration.name], add);
        }
        return exports;
    }

    async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }

    /** Exports each member by its name and by every qualified suffix: `Vault`, `Core.Vault`, `Cloud.Core.Vault`. */
    private exportMembers(boundary: Boundary, chain: string[], add: (node: AstNode, name: string | undefined) => void): void {
        for (const member of boundary.members) {
            if (!member.name) continue;
            add(member, member.name);
            for (let start = 0; start < chain.length; start++) add(member, [...chain.slice(start), member.name].join('.'));
            if (isBoundary(member)) this.exportMembers(member, [...chain, member.name], add);
        }
    }
}

/** The name a declaration is referenced by; unnamed flows cannot be referenced. */
function declarationName(declaration: Declaration): string | undefined {
    return (declaration as Exclude<Declaration, Element> | Element).name || undefined;
}
