import type { CheckDiagnostic, CheckReport } from './check-report.js';
import { fingerprints } from './fingerprints.js';

const SEVERITY: Record<CheckDiagnostic['severity'], string> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

/** GitLab Code Quality (Code Climate) issues for a merge request: one per diagnostic, with the same fingerprints as SARIF. */
export function codeClimateIssues(report: CheckReport): object[] {
    const prints = fingerprints(report.diagnostics);
    return report.diagnostics.map((diagnostic, position) => ({
        type: 'issue',
        check_name: diagnostic.rule && diagnostic.code === 'unaddressed-threat' ? diagnostic.rule : diagnostic.code,
        description: diagnostic.message,
        categories: ['Security'],
        severity: SEVERITY[diagnostic.severity],
        fingerprint: prints[position],
        location: { path: diagnostic.file.split('\\').join('/'), lines: { begin: diagnostic.line, end: diagnostic.endLine } }
    }));
}
