import { AstUtils, URI, UriUtils, type ValidationAcceptor } from 'langium';
import type { ModelFile } from '../generated/ast.js';
import type { MoatServices } from '../moat-module.js';
import { modelEntities } from '../model/model-entities.js';
import type { ThreatModel } from '../model/threat-model-types.js';
import { IssueCodes } from './issue-codes.js';
import { reportIssue } from './report.js';

/**
 * Two files that a model imports side by side may declare the same name without either seeing the
 * other, so neither reports it. The importing file does, on the import that brings in the second.
 */
export function createImportClashChecks(services: MoatServices) {
    const threatModels = services.model.ThreatModelProvider;
    const importGraph = services.workspace.ImportGraph;
    const documents = services.shared.workspace.LangiumDocuments;
    const closureUris = (uri: string) => {
        const document = documents.getDocument(URI.parse(uri));
        return new Set(document ? importGraph.closure(document).map(each => each.uri.toString()) : []);
    };
    return {
        checkImportedNamesDistinct(file: ModelFile, accept: ValidationAcceptor): void {
            if (file.imports.length < 2) return;
            const document = AstUtils.getDocument(file);
            const own = document.uri.toString();
            for (const [id, [first, second]] of declaringFiles(threatModels.threatModel(document))) {
                if (first === own || second === own || closureUris(first).has(second) || closureUris(second).has(first)) continue;
                const index = file.imports.findIndex(node => closureUris(importGraph.resolve(node, document.uri)?.toString() ?? '').has(second));
                if (index < 0) continue;
                const names = [first, second].map(uri => UriUtils.basename(URI.parse(uri))).join(' and ');
                reportIssue(accept, 'error', IssueCodes.DuplicateName,
                    `'${id}' is declared in both ${names}, which this file imports; names are unique in a model.`, { node: file.imports[index], property: 'path' });
            }
        }
    };
}

/** Names declared in more than one file of the model, with the first two files declaring each. */
function declaringFiles(model: ThreatModel): Map<string, [string, string]> {
    // Unnamed flows are named by their ends, which live in the files that declare the flows.
    const entities = modelEntities(model).filter(entity => !('named' in entity) || entity.named);
    const firstFile = new Map<string, string>();
    const clashes = new Map<string, [string, string]>();
    for (const { id, location: { uri } } of entities) {
        const earlier = firstFile.get(id);
        if (earlier === undefined) firstFile.set(id, uri);
        else if (earlier !== uri && !clashes.has(id)) clashes.set(id, [earlier, uri]);
    }
    return clashes;
}
