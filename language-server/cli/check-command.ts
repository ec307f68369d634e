import { NodeFileSystem } from 'langium/node';
import { createMoatServices } from '../moat-module.js';
import { openThreatCounts } from '../analysis/findings/budget-findings.js';
import type { Severity } from '../model/threat-model-types.js';
import { checkReport, failsBar, formatSummary, formatText, type FailOn } from './check-report.js';
import { collectFiles, loadModels } from './load-models.js';
import { analysesOf } from './model-roots.js';

/** Options of `moat check`. */
export interface CheckOptions {
    format: 'text' | 'json';
    failOn: FailOn;
    hints: boolean;
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
    } else {
        const text = formatText(report, options.hints);
        if (text) io.stdout(text);
        io.stderr(formatSummary(report));
    }
    return failsBar(report, options.failOn) ? 1 : 0;
}
