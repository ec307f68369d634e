import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createMoatServices } from '../moat-module.js';
import { htmlReport } from '../report/html-report.js';
import { markdownReport } from '../report/markdown-report.js';
import { reportData, type ReportDocument } from '../report/report-data.js';
import type { CommandIo } from './check-command.js';
import { collectFiles, loadModels } from './load-models.js';
import { analysesOf } from './model-roots.js';

/** Options of `moat report`. */
export interface ReportOptions {
    format: 'markdown' | 'json' | 'html';
    /** Write to this file instead of standard output. */
    output?: string;
}

/** `moat report PATHS…`: a Markdown (with a Mermaid DFD) or JSON report per model. */
export async function runReport(paths: readonly string[], options: ReportOptions, io: CommandIo): Promise<number> {
    const services = createMoatServices(NodeFileSystem);
    const documents = await loadModels(services, collectFiles(paths, io.cwd));
    const reports = analysesOf(services, documents).map(analysis => ({ analysis, data: reportData(analysis, io.cwd) }));
    const text = options.format === 'json'
        ? JSON.stringify({ schemaVersion: 1, models: reports.map(report => report.data) } satisfies ReportDocument, null, 2)
        : options.format === 'html'
            ? (await Promise.all(reports.map(report => htmlReport(report.data, report.analysis)))).join('\n')
            : reports.map(report => markdownReport(report.data, report.analysis)).join('\n---\n\n');
    if (options.output) fs.writeFileSync(path.resolve(io.cwd, options.output), `${text}\n`);
    else io.stdout(text);
    return 0;
}
