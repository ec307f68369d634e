import { NodeFileSystem } from 'langium/node';
import type { LangiumDocument } from 'langium';
import type { DerivedThreat } from '../analysis/analysis-types.js';
import { createMoatServices, type MoatLanguageServices } from '../moat-module.js';
import { openThreatCounts } from '../analysis/findings/budget-findings.js';
import type { Severity } from '../model/threat-model-types.js';
import { checkReport, failsBar, formatSummary, formatText, type FailOn } from './check-report.js';
import { collectFiles, loadModels } from './load-models.js';
import { codeClimateIssues } from './codeclimate-report.js';
import { DiagnosticHelp } from './diagnostic-help.js';
import { analysesOf } from './model-roots.js';
import { sarifLog } from './sarif-log.js';

/** Options of `moat check`. */
export interface CheckOptions {
    format: 'text' | 'json' | 'sarif' | 'codeclimate';
    failOn: FailOn;
    hints: boolean;
    /** Where docs/diagnostics.md is published, for SARIF help links. */
    docsUrl?: string;
}

/** Output streams and working folder, injected so tests can capture them. */
export interface CommandIo {
    cwd: string;
    stdout: (text: string) => void;
    stderr: (text: string) => void;
}

/** `moat check PATHS…`: validates models and prints their diagnostics; returns the exit code (0 or 1). */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CommandIo): Promise<number> {
    const files = collectFiles(paths, io.cwd);
    const services = createMoatServices(NodeFileSystem);
    const documents = await loadModels(services, files);
    const report = checkReport(documents, io.cwd);
    report.openThreats = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const analysis of analysesOf(services, documents)) {
        const counts = openThreatCounts(analysis);
        for (const severity of Object.keys(counts) as Severity[]) report.openThreats[severity] += counts[severity];
    }
    if (options.format === 'json') {
        io.stdout(JSON.stringify(report, null, 2));
    } else if (options.format === 'sarif' || options.format === 'codeclimate') {
        // Code scanning and Code Quality show every result: hints only when asked for.
        const shown = { ...report, diagnostics: report.diagnostics.filter(diagnostic => options.hints || diagnostic.severity !== 'hint') };
        io.stdout(JSON.stringify(options.format === 'sarif' ? sarifLog(shown, { ruleExamples: ruleExamples(services, documents), help: new DiagnosticHelp(), docsUrl: options.docsUrl }) : codeClimateIssues(shown), null, 2));
    } else {
        const text = formatText(report, options.hints);
        if (text) io.stdout(text);
        io.stderr(formatSummary(report));
    }
    return failsBar(report, options.failOn) ? 1 : 0;
}

/** One derived threat per knowledge-base rule of the checked models, for the rules' metadata. */
function ruleExamples(services: MoatLanguageServices, documents: readonly LangiumDocument[]): Map<string, DerivedThreat> {
    const examples = new Map<string, DerivedThreat>();
    for (const analysis of analysesOf(services, documents)) {
        for (const threat of analysis.derivedThreats) if (!examples.has(threat.rule)) examples.set(threat.rule, threat);
    }
    return examples;
}
