import { mermaidText } from '../report/text-escaping.js';
import { TRACE_COLUMNS, type TraceView } from './trace-types.js';

/**
 * The traceability view as a Mermaid flowchart (the text fallback GitHub renders): one subgraph
 * per column, generated node ids, escaped labels, gaps classed `gap`.
 */
export function traceMermaid(view: TraceView): string {
    const ids = new Map<string, string>();
    const lines = ['flowchart LR'];
    TRACE_COLUMNS.forEach(({ column, heading }, index) => {
        lines.push(`  subgraph c${index}["${heading}"]`, '    direction TB');
        for (const item of view.columns[column]) {
            if (ids.has(item.key)) continue;
            const id = `t${ids.size}`;
            ids.set(item.key, id);
            const text = item.gap ? `${item.label} — ⚠ ${item.gap}` : item.detail ? `${item.label} · ${item.detail}` : item.label;
            lines.push(`    ${id}["${mermaidText(text, 80)}"]${item.gap ? ':::gap' : ''}`);
        }
        lines.push('  end');
    });
    for (const { from, to } of view.links) {
        const start = ids.get(from);
        const end = ids.get(to);
        if (start && end) lines.push(`  ${start} --> ${end}`);
    }
    lines.push('  classDef gap stroke:#c62828,stroke-dasharray:5 3');
    return lines.join('\n');
}
