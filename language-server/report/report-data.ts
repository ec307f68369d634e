import * as path from 'node:path';
import { URI } from 'langium';
import type { Analysis } from '../analysis/analysis-types.js';
import { analysisFindings } from '../analysis/findings/analysis-findings.js';
import { openThreatCounts } from '../analysis/findings/budget-findings.js';
import type { Severity, StrideCategory, ThreatStatus } from '../model/threat-model-types.js';

/** One threat in a report: declared, or derived by a rule. */
export interface ReportThreat {
    id: string;
    origin: 'declared' | 'derived';
    label?: string;
    severity: Severity;
    status: ThreatStatus | 'unaddressed';
    stride: StrideCategory[];
    on: string[];
    mitigations: { id: string; label?: string; status: string; tickets: string[] }[];
}

/** What `moat report --format json` prints; its JSON Schema is docs/schema/moat-report.schema.json. */
export interface ReportDocument {
    schemaVersion: 1;
    models: ReportData[];
}

/** The report on one model. */
export interface ReportData {
    model: { name?: string; label?: string; product?: string; owner?: string; file: string; files: string[] };
    counts: { elements: number; flows: number; boundaries: number; data: number; boundaryCrossings: number };
    threats: ReportThreat[];
    questions: { open: number; total: number };
    budget: { severity: Severity; limit?: number; open: number }[];
    gaps: { code: string; message: string; file: string; line: number }[];
}

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
/** Findings a report lists as traceability gaps (the others are about the diagram or the threats themselves). */
const GAP_CODES = new Set([
    'unmitigated-threat', 'mitigation-without-ticket', 'missing-without-clause', 'unlinked-without-clause', 'unmotivated-threat',
    'unrealized-requirement', 'unplanned-mitigation', 'undetected-threat', 'budget-exceeded'
]);

/** The data of a report on one model, with file paths relative to `cwd`. */
export function reportData(analysis: Analysis, cwd: string): ReportData {
    const { model } = analysis;
    const relative = (uri: string) => path.relative(cwd, URI.parse(uri).fsPath).split(path.sep).join('/');
    const mitigations = new Map(model.mitigations.map(mitigation => [mitigation.id, mitigation]));
    const mitigationsOf = (ids: readonly string[]) => ids.map(id => mitigations.get(id)).filter(mitigation => mitigation !== undefined)
        .map(mitigation => ({ id: mitigation.id, label: mitigation.label, status: mitigation.status, tickets: mitigation.tickets }));
    const threats: ReportThreat[] = [
        ...model.threats.map(threat => ({
            id: threat.id, origin: 'declared' as const, label: threat.label, severity: threat.severity, status: threat.status,
            stride: threat.stride, on: threat.targets, mitigations: mitigationsOf(threat.mitigations)
        })),
        ...analysis.derivedThreats.filter(threat => threat.addressedBy?.kind !== 'threat').map(threat => ({
            id: threat.id, origin: 'derived' as const, label: threat.label, severity: threat.severity, status: threat.status,
            stride: [...threat.stride], on: [threat.subject],
            mitigations: mitigationsOf(threat.addressedBy?.kind === 'mitigation' && threat.addressedBy.id ? [threat.addressedBy.id] : [])
        }))
    ].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id));
    const open = openThreatCounts(analysis);
    return {
        model: {
            name: model.settings.name, label: model.settings.label, product: model.settings.product, owner: model.settings.owner,
            file: relative(model.uri), files: model.files.map(relative)
        },
        counts: {
            elements: model.elements.length, flows: model.flows.length, boundaries: model.boundaries.length, data: model.data.length,
            boundaryCrossings: model.flows.filter(flow => flow.crosses.length > 0).length
        },
        threats,
        questions: { open: analysis.questions.filter(question => question.status === 'open').length, total: analysis.questions.length },
        budget: SEVERITIES.map(severity => ({ severity, limit: model.settings.budget[severity], open: open[severity] })),
        gaps: analysisFindings(analysis).filter(finding => GAP_CODES.has(finding.code)).map(finding => ({
            code: finding.code, message: finding.message, file: relative(finding.location.uri), line: finding.location.range.start.line + 1
        }))
    };
}
