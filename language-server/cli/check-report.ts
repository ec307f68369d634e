import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';

/** One diagnostic as the CLI reports it; lines and columns are one-based. */
export interface CheckDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: SeverityName;
    code: string;
    message: string;
}

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';
const SEVERITY_NAMES: SeverityName[] = ['error', 'warning', 'info', 'hint'];

/** What `moat check --format json` prints. */
export interface CheckReport {
    files: string[];
    diagnostics: CheckDiagnostic[];
    summary: Record<SeverityName, number>;
}

/** Collects the diagnostics of built documents, sorted by file and position, with paths relative to `cwd`. */
export function checkReport(documents: readonly LangiumDocument[], cwd: string): CheckReport {
    const relative = (document: LangiumDocument) => path.relative(cwd, document.uri.fsPath) || document.uri.fsPath;
    const diagnostics = documents.flatMap(document => (document.diagnostics ?? []).map(diagnostic => toCheckDiagnostic(relative(document), diagnostic)));
    diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
    const summary: Record<SeverityName, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const diagnostic of diagnostics) summary[diagnostic.severity]++;
    return { files: documents.map(relative).sort(), diagnostics, summary };
}

function toCheckDiagnostic(file: string, diagnostic: Diagnostic): CheckDiagnostic {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1] ?? 'error',
        code: String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code ?? 'unknown'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
    };
}

/** `file:line:col severity code message`, the form editors' problem matchers and CI annotations read. */
export function formatText(report: CheckReport, includeHints: boolean): string {
    return report.diagnostics
        .filter(diagnostic => includeHints || diagnostic.severity !== 'hint')
        .map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)
        .join('\n');
}

/** The closing line: how many of each severity in how many files. */
export function formatSummary(report: CheckReport): string {
    const { error, warning, info } = report.summary;
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    return `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(info, 'info')} in ${plural(report.files.length, 'file')}`;
}

/** Whether any diagnostic reaches the `--fail-on` bar. */
export function failsBar(report: CheckReport, failOn: 'error' | 'warning'): boolean {
    return report.summary.error > 0 || (failOn === 'warning' && report.summary.warning > 0);
}
