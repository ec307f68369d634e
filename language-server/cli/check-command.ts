import { NodeFileSystem } from 'langium/node';
import { createMoatServices } from '../moat-module.js';
import { checkReport, failsBar, formatSummary, formatText } from './check-report.js';
import { collectFiles, loadModels } from './load-models.js';

/** Options of `moat check`. */
export interface CheckOptions {
    format: 'text' | 'json';
    failOn: 'error' | 'warning';
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
    if (options.format === 'json') {
        io.stdout(JSON.stringify(report, null, 2));
    } else {
        const text = formatText(report, options.hints);
        if (text) io.stdout(text);
        io.stderr(formatSummary(report));
    }
    return failsBar(report, options.failOn) ? 1 : 0;
}
