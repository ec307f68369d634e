import { AstUtils, type ValidationAcceptor } from 'langium';
import type { ModelFile } from '../generated/ast.js';
import type { Finding } from '../analysis/findings/finding.js';
import type { MoatServices } from '../moat-module.js';
import { reportIssue, type IssueSeverity } from './report.js';

/**
 * The STRIDE analysis as diagnostics: each file shows the findings located in it, from the analysis
 * of every model the file belongs to (a finding two models share is shown once).
 */
export function createAnalysisChecks(services: MoatServices) {
    const analyses = services.analysis.AnalysisProvider;
    return {
        checkAnalysisFindings(file: ModelFile, accept: ValidationAcceptor): void {
            const document = AstUtils.getDocument(file);
            const uri = document.uri.toString();
            const reported = new Set<string>();
            const covering = analyses.analysesCovering(document);
            for (const analysis of covering) {
                // A file shared by several models says which model a finding is about.
                const model = covering.length > 1 ? ` [model ${analysis.model.settings.name ?? analysis.model.uri}]` : '';
                for (const finding of analyses.findingsIn(analysis, uri)) {
                    const key = `${finding.code}|${finding.message}|${finding.location.range.start.line}:${finding.location.range.start.character}`;
                    if (reported.has(key)) continue;
                    reported.add(key);
                    reportIssue(accept, SEVERITY[finding.level], finding.code, `${finding.message}${model}`, {
                        node: file,
                        range: finding.location.range,
                        data: { code: finding.code, model: analysis.model.uri, ...finding.data },
                        relatedInformation: finding.related?.map(related => ({
                            location: { uri: related.location.uri, range: related.location.range }, message: related.message
                        }))
                    });
                }
            }
        }
    };
}

const SEVERITY: Record<Finding['level'], IssueSeverity> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
