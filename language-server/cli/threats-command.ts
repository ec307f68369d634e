import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'langium';
import type { Analysis, DerivedThreat } from '../analysis/analysis-types.js';
import { createMoatServices } from '../moat-module.js';
import { STRIDE_LETTERS } from '../model/stride.js';
import type { ModelThreat, Severity, StrideCategory } from '../model/threat-model-types.js';
import type { CommandIo } from './check-command.js';
import { collectFiles, loadModels } from './load-models.js';
import { analysesOf } from './model-roots.js';

/** One threat as `moat threats` lists it: declared in the model or derived by a rule. */
export interface ThreatListing {
    id: string;
    origin: 'declared' | 'derived';
    label?: string;
    severity: Severity;
    status: string;
    stride: StrideCategory[];
    on: string[];
    /** Declared: the rules it adopts; derived: its rule. */
    rules: string[];
    /** Derived: what addresses it. */
    addressedBy?: string;
    mitigations: string[];
    explanation?: string[];
    file: string;
    line: number;
}

/** What `moat threats --format json` prints: one entry per model. */
export interface ThreatsReport {
    models: { file: string; name?: string; threats: ThreatListing[] }[];
}

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** `moat threats PATHS…`: the declared and derived threats of each model with their status. */
export async function runThreats(paths: readonly string[], options: { format: 'text' | 'json' }, io: CommandIo): Promise<number> {
    const services = createMoatServices(NodeFileSystem);
    const documents = await loadModels(services, collectFiles(paths, io.cwd));
    const report: ThreatsReport = { models: analysesOf(services, documents).map(analysis => modelListing(analysis, io.cwd)) };
    io.stdout(options.format === 'json' ? JSON.stringify(report, null, 2) : formatThreats(report));
    return 0;
}

function modelListing(analysis: Analysis, cwd: string) {
    const file = (uri: string) => path.relative(cwd, URI.parse(uri).fsPath);
    const threats = [
        ...analysis.model.threats.map(threat => declared(threat, file(threat.location.uri))),
        ...analysis.derivedThreats.map(threat => derived(threat, file(threat.location.uri)))
    ].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.id.localeCompare(b.id));
    return { file: file(analysis.model.uri), name: analysis.model.settings.name, threats };
}

function declared(threat: ModelThreat, file: string): ThreatListing {
    return {
        id: threat.id, origin: 'declared', label: threat.label, severity: threat.severity, status: threat.status, stride: threat.stride,
        on: threat.targets, rules: threat.rules, mitigations: threat.mitigations, file, line: threat.location.range.start.line + 1
    };
}

function derived(threat: DerivedThreat, file: string): ThreatListing {
    return {
        id: threat.id, origin: 'derived', label: threat.label, severity: threat.severity, status: threat.status, stride: threat.stride,
        on: [threat.subject], rules: [threat.rule], addressedBy: threat.addressedBy && (threat.addressedBy.id ?? 'answers'),
        mitigations: threat.mitigations, explanation: threat.explanation, file, line: threat.location.range.start.line + 1
    };
}

/** A table per model: severity, status, STRIDE letters, id, what it is on, and its title. */
export function formatThreats(report: ThreatsReport): string {
    return report.models.map(model => {
        const rows = model.threats.map(threat => [
            threat.severity, threat.status, threat.stride.map(category => STRIDE_LETTERS[category] ?? '?').join(''),
            threat.id, `${threat.label ?? ''}${threat.addressedBy ? ` (by ${threat.addressedBy})` : ''}`
        ]);
        const widths = [0, 1, 2, 3].map(column => Math.max(...rows.map(row => row[column].length), 0));
        const lines = rows.map(row => row.map((cell, column) => column < 4 ? cell.padEnd(widths[column]) : cell).join('  ').trimEnd());
        const open = model.threats.filter(threat => threat.status === 'open' || threat.status === 'unaddressed').length;
        return [`${model.file}${model.name ? ` (model ${model.name})` : ''}: ${model.threats.length} threats, ${open} open or unaddressed`, ...lines].join('\n');
    }).join('\n\n');
}
