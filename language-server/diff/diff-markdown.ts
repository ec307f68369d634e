import type { Analysis } from '../analysis/analysis-types.js';
import { markdownText as md } from '../report/text-escaping.js';
import { diffMermaid } from './diff-mermaid.js';
import { isEmptyDiff, type EntityDiff, type ModelDiff } from './model-diff.js';

/** The Markdown of a diff for a pull request: a one-line summary, the changed neighbourhood as Mermaid, and tables. */
export function diffMarkdown(diff: ModelDiff, base: Analysis, head: Analysis, title: string): string {
    if (isEmptyDiff(diff)) return `## Threat model: ${md(title)}\n\nNo change to the threat model.\n`;
    const newThreats = diff.threats.filter(threat => threat.change === 'new');
    const openNew = newThreats.filter(threat => threat.after && ['open', 'unaddressed'].includes(threat.after.status));
    const lines = [
        `## Threat model: ${md(title)}`,
        '',
        `${summary('element', diff.elements)}; ${summary('flow', diff.flows)}; ${summary('boundary', diff.boundaries, 'boundaries')}; `
            + `${newThreats.length} new threats (${openNew.length} open or unaddressed), ${diff.threats.filter(threat => threat.change === 'removed').length} removed, `
            + `${diff.threats.filter(threat => threat.change === 'status' || threat.change === 'severity').length} changed.`,
        ''
    ];
    const diagram = diffMermaid(diff, base, head);
    if (diagram) lines.push('```mermaid', diagram, '```', '');
    if (diff.newBoundaryCrossings.length > 0) {
        lines.push('**New boundary crossings:** ' + diff.newBoundaryCrossings.map(crossing => `${md(crossing.flow)} (${crossing.boundaries.map(md).join(', ')})`).join('; '), '');
    }
    if (diff.newClassifiedFlows.length > 0) {
        lines.push('**New flows of classified data:** ' + diff.newClassifiedFlows.map(flow => `${md(flow.flow)} (${flow.data.map(md).join(', ')})`).join('; '), '');
    }
    if (diff.threats.length > 0) {
        lines.push('| Threat | Change | Before | After |', '|---|---|---|---|',
            ...diff.threats.map(threat => `| ${md(threat.id)}${threat.label ? `: ${md(threat.label)}` : ''} | ${threat.change} | `
                + `${threat.before ? `${threat.before.status}, ${threat.before.severity}` : '—'} | ${threat.after ? `${threat.after.status}, ${threat.after.severity}` : '—'} |`), '');
    }
    const rows = ([['Element', diff.elements], ['Flow', diff.flows], ['Boundary', diff.boundaries], ['Data', diff.data], ['Mitigation', diff.mitigations]] as const)
        .flatMap(([kind, entities]) => [
            ...entities.added.map(id => `| ${kind} | ${md(id)} | added | |`),
            ...entities.removed.map(id => `| ${kind} | ${md(id)} | removed | |`),
            ...entities.changed.map(change => `| ${kind} | ${md(change.id)} | changed | ${change.changes.map(md).join('; ')} |`)
        ]);
    if (rows.length > 0) lines.push('| Kind | Id | Change | Details |', '|---|---|---|---|', ...rows, '');
    return lines.join('\n');
}

function summary(noun: string, entities: EntityDiff, plural = `${noun}s`): string {
    const total = entities.added.length + entities.removed.length + entities.changed.length;
    if (total === 0) return `no ${noun} changed`;
    return `${plural}: ${entities.added.length} added, ${entities.removed.length} removed, ${entities.changed.length} changed`;
}
