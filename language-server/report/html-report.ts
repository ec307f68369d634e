import type { Analysis } from '../analysis/analysis-types.js';
import { diagramGraph } from '../render/diagram-graph.js';
import { layoutDiagram } from '../render/diagram-layout.js';
import { diagramSvg } from '../render/diagram-svg.js';
import { STRIDE_LETTERS } from '../model/stride.js';
import type { ReportData } from './report-data.js';
import { htmlText as h } from './text-escaping.js';
import { count } from './wording.js';

/** Above this many elements the layout would take minutes (ELK is super-linear): the diagram is left out, with a note. */
export const MAX_DIAGRAM_ELEMENTS = 400;

const STATUSES = ['unaddressed', 'open', 'accepted', 'mitigated', 'not-applicable'] as const;
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

/**
 * The HTML report: one self-contained file — inline CSS and the DFD as inline SVG, no script, no
 * font or image from anywhere, a Content-Security-Policy that forbids both — that prints well.
 * Every model text is escaped.
 */
export async function htmlReport(data: ReportData, analysis: Analysis): Promise<string> {
    const title = data.model.label ?? data.model.name ?? data.model.file;
    const svg = analysis.model.elements.length > MAX_DIAGRAM_ELEMENTS
        ? `<p>The diagram is left out: ${analysis.model.elements.length} elements are more than a readable diagram holds (${MAX_DIAGRAM_ELEMENTS}). Split the model into files per system, or see the Mermaid diagram of the Markdown report.</p>`
        : diagramSvg(await layoutDiagram(diagramGraph(analysis)), title);
    const open = data.threats.filter(threat => threat.status === 'open' || threat.status === 'unaddressed');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Threat model: ${h(title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; color: #212121; margin: 2rem; max-width: 1200px; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; } td.number { text-align: right; } .meta { color: #616161; }
.diagram { overflow: auto; border: 1px solid #eee; padding: .5rem; }
.sev-critical, .sev-high { color: #b71c1c; font-weight: 600; } .sev-medium { color: #e65100; }
@media print { body { margin: 0; } .diagram { border: none; overflow: visible; } .diagram svg { max-width: 100%; height: auto; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>Threat model: ${h(title)}</h1>
<p class="meta">${[data.model.product && `Product: ${h(data.model.product)}`, data.model.owner && `Owner: ${h(data.model.owner)}`, `File: ${h(data.model.file)}`].filter(Boolean).join(' · ')}</p>
<h2>Summary</h2>
<p>${count(data.counts.elements, 'element')}, ${count(data.counts.flows, 'flow')} (${data.counts.boundaryCrossings} crossing a trust boundary), ${count(data.counts.boundaries, 'boundary', 'boundaries')}, ${count(data.counts.data, 'data asset')}; ${count(data.threats.length, 'threat')}, ${open.length} open or unaddressed; ${data.questions.open} of ${data.questions.total} STRIDE questions open.</p>
<table><thead><tr><th>Severity</th>${STATUSES.map(status => `<th>${status}</th>`).join('')}<th>Budget (open / allowed)</th></tr></thead><tbody>
${SEVERITIES.map(severity => {
        const budget = data.budget.find(entry => entry.severity === severity)!;
        const cells = STATUSES.map(status => `<td class="number">${data.threats.filter(threat => threat.severity === severity && threat.status === status).length}</td>`).join('');
        return `<tr><td class="sev-${severity}">${severity}</td>${cells}<td>${budget.limit === undefined ? '' : `${budget.open} / ${budget.limit}`}</td></tr>`;
    }).join('\n')}
</tbody></table>
<h2>Data-flow diagram</h2>
<div class="diagram">
${svg}
</div>
<h2>Open threats</h2>
${open.length === 0 ? '<p>None.</p>' : `<table><thead><tr><th>Severity</th><th>Threat</th><th>STRIDE</th><th>On</th><th>Status</th><th>Mitigations</th></tr></thead><tbody>
${open.map(threat => `<tr><td class="sev-${threat.severity}">${threat.severity}</td><td>${h(threat.id)}${threat.label ? `: ${h(threat.label)}` : ''}</td>`
        + `<td>${threat.stride.map(category => STRIDE_LETTERS[category]).join('')}</td><td>${threat.on.map(h).join(', ')}</td><td>${threat.status}</td>`
        + `<td>${threat.mitigations.map(mitigation => `${h(mitigation.id)} (${mitigation.status}${mitigation.tickets.length > 0 ? `, ${mitigation.tickets.map(h).join(', ')}` : ''})`).join('; ') || '—'}</td></tr>`).join('\n')}
</tbody></table>`}
<h2>Traceability gaps</h2>
${data.gaps.length === 0 ? '<p>None.</p>' : `<ul>\n${data.gaps.map(gap => `<li><code>${h(gap.code)}</code> ${h(gap.message)} <span class="meta">(${h(gap.file)}:${gap.line})</span></li>`).join('\n')}\n</ul>`}
</body>
</html>
`;
}
