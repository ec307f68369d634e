import { AstUtils, URI, type LangiumDocument, type ValidationAcceptor } from 'langium';
import { isModel, type ModelFile } from '../generated/ast.js';
import type { MoatServices } from '../moat-module.js';
import type { SourceLocation, ThreatModel } from '../model/threat-model-types.js';
import { IssueCodes, type IssueCode } from './issue-codes.js';
import { reportIssue, type IssueSeverity } from './report.js';
import { findDuplicateNames, findDiagramProblems } from './diagram-rules.js';

/** A problem the model checks found, located anywhere in the model's files. */
export interface ModelFinding {
    severity: IssueSeverity;
    code: IssueCode;
    message: string;
    location: SourceLocation;
}

/**
 * Checks that need the whole threat model rather than one node: names unique across files, the
 * diagram's DFD rules, one `model` per model. Each finding is reported in the document that
 * declares the offending entity, at its name.
 */
export function createModelChecks(services: MoatServices) {
    const threatModels = services.model.ThreatModelProvider;
    const importGraph = services.workspace.ImportGraph;
    const documents = services.shared.workspace.LangiumDocuments;
    return {
        checkModel(file: ModelFile, accept: ValidationAcceptor): void {
            const document = AstUtils.getDocument(file);
            const model = threatModels.threatModel(document);
            const usedElements = flowEndsSeenBy(document);
            const findings = [...findDuplicateNames(model), ...findDiagramProblems(model, usedElements)];
            const uri = document.uri.toString();
            for (const finding of findings) {
                if (finding.location.uri !== uri) continue;
                reportIssue(accept, finding.severity, finding.code, finding.message, { node: file, range: finding.location.range });
            }
        },
        checkSingleModel(file: ModelFile, accept: ValidationAcceptor): void {
            const closure = importGraph.closure(AstUtils.getDocument(file));
            const models = closure.flatMap(each => each.parseResult.value.declarations.filter(isModel));
            for (const extra of models.slice(1)) {
                if (extra.$container !== file) continue;
                reportIssue(accept, 'error', IssueCodes.DuplicateModel,
                    `A threat model has one 'model' declaration; '${models[0].name}' is declared already.`, { node: extra, property: 'name' });
            }
        }
    };

    /** Elements at an end of a flow of any model this document is part of. */
    function flowEndsSeenBy(document: LangiumDocument): Set<string> {
        const ends = new Set<string>();
        for (const uri of importGraph.importersOf(document)) {
            const importer = documents.getDocument(URI.parse(uri));
            const model: ThreatModel | undefined = importer && threatModels.threatModel(importer);
            for (const flow of model?.flows ?? []) {
                ends.add(flow.source);
                ends.add(flow.target);
            }
        }
        return ends;
    }
}
