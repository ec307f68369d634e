import { AstUtils, UriUtils, type ValidationAcceptor } from 'langium';
import type { Import } from '../generated/ast.js';
import type { MoatServices } from '../moat-module.js';
import { IssueCodes } from './issue-codes.js';
import { reportIssue } from './report.js';

/** Imports must point at a `.tm` file that exists, and must not lead back to the importing file. */
export function createImportChecks(services: MoatServices) {
    const importGraph = services.workspace.ImportGraph;
    return {
        checkImportResolves(node: Import, accept: ValidationAcceptor): void {
            const document = AstUtils.getDocument(node);
            if (importGraph.target(node, document.uri)) return;
            const target = importGraph.resolve(node, document.uri);
            if (!target) {
                // No path is a parse error, which says so; a path no URI can hold is this one.
                if (node.path) reportIssue(accept, 'error', IssueCodes.ImportNotFound, `Cannot import '${node.path}': the path holds characters no file name can (a lone surrogate).`, { node, property: 'path' });
                return;
            }
            const why = target.path.endsWith('.tm') ? 'no such file' : 'only .tm files can be imported';
            reportIssue(accept, 'error', IssueCodes.ImportNotFound, `Cannot import '${node.path}': ${why} (${target.fsPath}).`, { node, property: 'path' });
        },
        checkImportCycle(node: Import, accept: ValidationAcceptor): void {
            const document = AstUtils.getDocument(node);
            const cycle = importGraph.cycleThrough(node, document);
            if (!cycle) return;
            const names = [document.uri, ...cycle].map(uri => UriUtils.basename(uri)).join(' → ');
            reportIssue(accept, 'error', IssueCodes.ImportCycle, `Import cycle: ${names}.`, { node, property: 'path' });
        }
    };
}
