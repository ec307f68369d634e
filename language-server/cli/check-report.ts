import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../model/threat-model-types.js';

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
    /** For a derived threat: its id (`RULE@Subject`) and rule. */
    threat?: string;
    rule?: string;
}

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';
const SEVERITY_NAMES: SeverityName[] = ['error', 'warning', 'info', 'hint'];

/** What `moat check --format json` prints. */
export interface CheckReport {
    files: string[];
    diagnostics: CheckDiagnostic[];
    summary: Record<SeverityName, number>;
    /** Open threats of the models checked, by severity: declared open ones and unaddressed or not-yet-mitigated derived ones. */
    openThreats?: Record<Severity, number>;
}

/** The `--fail-on` bar: a diagnostic severity, or a threat severity (any open threat at or above it fails). */
export type FailOn = 'error' | 'warning' | 'critical' | 'high' | 'medium' | 'low';

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
    const data = diagnostic.data as { threat?: unknown; rule?: unknown } | undefined;
    return {
        ...(typeof data?.threat === 'string' ? { threat: data.threat } : {}),
        ...(typeof data?.rule === 'string' ? { rule: data.rule } : {}),
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
    const threats = report.openThreats
        ? `; open threats: ${THREAT_BARS.map(severity => `${report.openThreats![severity]} ${severity}`).join(', ')}`
        : '';
    return `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(info, 'info')} in ${plural(report.files.length, 'file')}${threats}`;
}

const THREAT_BARS: Severity[] = ['critical', 'high', 'medium', 'low'];

/** Whether the report reaches the `--fail-on` bar; errors always do. */
export function failsBar(report: CheckReport, failOn: FailOn): boolean {
    if (report.summary.error > 0) return true;
    if (failOn === 'warning') return report.summary.warning > 0;
    const bar = THREAT_BARS.indexOf(failOn as Severity);
    return bar >= 0 && THREAT_BARS.slice(0, bar + 1).some(severity => (report.openThreats?.[severity] ?? 0) > 0);
}
