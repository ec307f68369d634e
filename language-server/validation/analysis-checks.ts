import { AstUtils, type ValidationAcceptor } from 'langium';
import type { ModelFile } from '../generated/ast.js';
import type { Finding } from '../analysis/findings/finding.js';
import type { MoatServices } from '../moat-module.js';
import { issueDocumentation } from './issue-codes.js';
import type { IssueSeverity } from './report.js';

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
            const reported = new ReportedFindings();
            const covering = analyses.analysesCovering(document);
            for (const analysis of covering) {
                // A file shared by several models says which model a finding is about.
                const model = covering.length > 1 ? ` [model ${analysis.model.settings.name ?? analysis.model.uri}]` : '';
                for (const finding of analyses.findingsIn(analysis, uri)) {
                    if (!reported.add(finding)) continue;
                    // As reportIssue, without copying the details: a large model reports thousands.
                    accept(SEVERITY[finding.level], `${finding.message}${model}`, {
                        node: file,
                        range: finding.location.range,
                        data: { code: finding.code, model: analysis.model.uri, ...finding.data },
                        relatedInformation: finding.related?.map(related => ({
                            location: { uri: related.location.uri, range: related.location.range }, message: related.message
                        })),
                        code: finding.code,
                        codeDescription: issueDocumentation(finding.code)
                    });
                }
            }
        }
    };
}

/**
 * The findings a file has shown, to show each (code, message, start) once. Kept by start position,
 * so that no key string has to be built from each finding's long message.
 */
class ReportedFindings {
    private readonly byStart = new Map<number, Finding[]>();

    /** Records the finding; false if an equal one was recorded already. */
    add(finding: Finding): boolean {
        const { line, character } = finding.location.range.start;
        // Exact below 2^21 characters per line; beyond, positions may share a bucket, compared in full.
        const start = line * 2 ** 21 + character;
        const same = this.byStart.get(start);
        if (!same) {
            this.byStart.set(start, [finding]);
            return true;
        }
        if (same.some(seen => seen.location.range.start.line === line && seen.location.range.start.character === character
            && seen.code === finding.code && seen.message === finding.message)) return false;
        same.push(finding);
        return true;
    }
}

const SEVERITY: Record<Finding['level'], IssueSeverity> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
