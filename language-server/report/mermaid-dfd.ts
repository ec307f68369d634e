import type { Analysis } from '../analysis/analysis-types.js';
import type { ModelBoundary, ModelElement, ModelFlow } from '../model/threat-model-types.js';
import { SEVERITY_COLOURS } from '../render/diagram-types.js';
import { worstOpenSeverity } from '../render/open-threats.js';
import { mermaidText } from './text-escaping.js';

/**
 * The model's data-flow diagram as a Mermaid flowchart, for Markdown that GitHub and GitLab render:
 * boundaries as nested subgraphs, actors and externals as rectangles, processes as circles, data
 * stores as cylinders, flows as arrows (thick when they cross a boundary), and each element or flow
 * with an open threat classed by the worst open severity. Node ids are generated; every label is
 * escaped (text-escaping.ts), so model text cannot inject a directive or break the chart.
 */
export function mermaidDfd(analysis: Analysis): string {
    const { model } = analysis;
    const worst = worstOpenSeverity(analysis);
    const ids = new Map<string, string>();
    model.elements.forEach((element, index) => ids.set(element.id, `e${index}`));
    const lines = ['flowchart LR'];
    const children = new Map<string | undefined, ModelBoundary[]>();
    for (const boundary of model.boundaries) children.set(boundary.parent, [...(children.get(boundary.parent) ?? []), boundary]);
    const elementsIn = new Map<string | undefined, ModelElement[]>();
    for (const element of model.elements) elementsIn.set(element.boundaries.at(-1), [...(elementsIn.get(element.boundaries.at(-1)) ?? []), element]);
    const boundaryIds = new Map(model.boundaries.map((boundary, index) => [boundary.id, `b${index}`]));
    // A name declared twice (a duplicate-name error) can make a boundary its own ancestor: each is drawn once.
    const drawn = new Set<string | undefined>();
    const emit = (parent: string | undefined, indent: string) => {
        if (drawn.has(parent)) return;
        drawn.add(parent);
        for (const element of elementsIn.get(parent) ?? []) lines.push(`${indent}${ids.get(element.id)}${shape(element)}`);
        for (const boundary of children.get(parent) ?? []) {
            if (drawn.has(boundary.id)) continue;
            lines.push(`${indent}subgraph ${boundaryIds.get(boundary.id)}["${mermaidText(boundary.label ?? boundary.id)}"]`);
            emit(boundary.id, `${indent}  `);
            lines.push(`${indent}end`);
        }
    };
    emit(undefined, '  ');
    model.flows.forEach((flow, index) => {
        const source = ids.get(flow.source);
        const target = ids.get(flow.target);
        if (!source || !target) return;
        lines.push(`  ${source} ${arrow(flow)}|"${mermaidText(flow.label ?? flow.id, 40)}"| ${target}`);
        const severity = worst.get(flow.id);
        if (severity) lines.push(`  linkStyle ${index} stroke:${SEVERITY_COLOURS[severity]}`);
    });
    lines.push(...CLASS_DEFINITIONS);
    for (const element of model.elements) {
        const severity = worst.get(element.id);
        lines.push(`  class ${ids.get(element.id)} ${element.kind}${severity ? `,threat-${severity}` : ''}`);
    }
    for (const boundaryId of boundaryIds.values()) lines.push(`  class ${boundaryId} boundary`);
    return lines.join('\n');
}

/** An element as a Mermaid node body in DFD shapes: processes round, stores as cylinders, the others rectangles. */
export function shape(element: ModelElement): string {
    const label = `"${mermaidText(element.label ?? element.id)}"`;
    switch (element.kind) {
        case 'process': return `((${label}))`;
        case 'datastore': return `[(${label})]`;
        default: return `[${label}]`;
    }
}

function arrow(flow: ModelFlow): string {
    const crossing = flow.crosses.length > 0;
    if (flow.bidirectional) return crossing ? '<==>' : '<-->';
    return crossing ? '==>' : '-->';
}

const CLASS_DEFINITIONS = [
    '  classDef actor fill:#e3f2fd,stroke:#1565c0',
    '  classDef external fill:#eceff1,stroke:#455a64',
    '  classDef process fill:#e8f5e9,stroke:#2e7d32',
    '  classDef datastore fill:#fff8e1,stroke:#f9a825',
    '  classDef boundary fill:none,stroke:#b71c1c,stroke-dasharray:6 4',
    ...Object.entries(SEVERITY_COLOURS).map(([severity, colour]) => `  classDef threat-${severity} stroke:${colour},stroke-width:3px`)
];
