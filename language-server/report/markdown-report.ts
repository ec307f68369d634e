import type { Analysis } from '../analysis/analysis-types.js';
import { STRIDE_LETTERS } from '../model/stride.js';
import type { Severity } from '../model/threat-model-types.js';
import { mermaidDfd } from './mermaid-dfd.js';
import type { ReportData, ReportThreat } from './report-data.js';
import { markdownText as md } from './text-escaping.js';
import { count } from './wording.js';

const STATUSES = ['unaddressed', 'open', 'accepted', 'mitigated', 'not-applicable'] as const;
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/**
 * The Markdown report of a model, for a pull request or a wiki: summary, the DFD as a Mermaid block
 * GitHub renders, the open threats with their mitigations and tickets, and the traceability gaps.
 * Every model text goes through `markdownText`, so it cannot become markup.
 */
export function markdownReport(data: ReportData, analysis: Analysis): string {
    const title = data.model.label ?? data.model.name ?? data.model.file;
    const open = data.threats.filter(threat => threat.status === 'open' || threat.status === 'unaddressed');
    const lines = [
        `# Threat model: ${md(title)}`,
        '',
        [data.model.product && `Product: ${md(data.model.product)}`, data.model.owner && `Owner: ${md(data.model.owner)}`, `File: \`${data.model.file.replace(/`/g, '')}\``]
            .filter(Boolean).join(' · '),
        '',
        '## Summary',
        '',
        `${count(data.counts.elements, 'element')}, ${count(data.counts.flows, 'flow')} (${data.counts.boundaryCrossings} crossing a trust boundary), `
            + `${count(data.counts.boundaries, 'boundary', 'boundaries')}, ${count(data.counts.data, 'data asset')}. `
            + `${count(data.threats.length, 'threat')}, ${open.length} open or unaddressed; ${data.questions.open} of ${data.questions.total} STRIDE questions open.`,
        '',
        `| Severity | ${STATUSES.join(' | ')} | Budget (open / allowed) |`,
        `|---|${STATUSES.map(() => '---:').join('|')}|---|`,
        ...SEVERITIES.map(severity => {
            const budget = data.budget.find(entry => entry.severity === severity)!;
            const cells = STATUSES.map(status => data.threats.filter(threat => threat.severity === severity && threat.status === status).length);
            const allowed = budget.limit === undefined ? '' : `${budget.open} / ${budget.limit}${budget.open > budget.limit ? ' ⚠' : ''}`;
            return `| ${severity} | ${cells.join(' | ')} | ${allowed} |`;
        }),
        '',
        `Open threats by STRIDE letter: ${Object.entries(STRIDE_LETTERS).map(([category, letter]) =>
            `${letter} ${open.filter(threat => threat.stride.includes(category as never)).length}`).join(', ')}.`,
        '',
        '## Data-flow diagram',
        '',
        '```mermaid',
        mermaidDfd(analysis),
        '```',
        '',
        '## Open threats',
        '',
        ...(open.length === 0 ? ['None.'] : threatTable(open)),
        '',
        '## Traceability gaps',
        '',
        ...(data.gaps.length === 0 ? ['None.'] : data.gaps.map(gap => `- \`${gap.code}\` ${md(gap.message)} (${md(gap.file)}:${gap.line})`)),
        ''
    ];
    return lines.join('\n');
}

function threatTable(threats: readonly ReportThreat[]): string[] {
    return [
        '| Severity | Threat | STRIDE | On | Status | Mitigations |',
        '|---|---|---|---|---|---|',
        ...threats.map(threat => `| ${threat.severity} | ${md(threat.id)}${threat.label ? `: ${md(threat.label)}` : ''} | `
            + `${threat.stride.map(category => STRIDE_LETTERS[category]).join('')} | ${threat.on.map(md).join(', ')} | ${threat.status} | `
            + `${threat.mitigations.map(mitigation => `${md(mitigation.id)} (${mitigation.status}${mitigation.tickets.length > 0 ? `, ${mitigation.tickets.map(md).join(', ')}` : ''})`).join('; ') || '—'} |`)
    ];
}
