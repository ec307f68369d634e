import type { Analysis } from '../analysis/analysis-types.js';
import type { ModelFlow } from '../model/threat-model-types.js';
import { shape } from '../report/mermaid-dfd.js';
import { mermaidText } from '../report/text-escaping.js';
import type { ModelDiff } from './model-diff.js';

/**
 * A Mermaid flowchart of only the changed neighbourhood: the elements and flows a change added,
 * removed or changed, their ends, and one hop around them, classed `added`, `removed` or `changed`.
 * Removed things come from the old version; everything else from the new one. Labels are escaped.
 */
export function diffMermaid(diff: ModelDiff, base: Analysis, head: Analysis): string | undefined {
    const headElements = new Map(head.model.elements.map(element => [element.id, element]));
    const baseElements = new Map(base.model.elements.map(element => [element.id, element]));
    const changedFlows = new Set([...diff.flows.added, ...diff.flows.changed.map(change => change.id)]);
    const removedFlows = base.model.flows.filter(flow => diff.flows.removed.includes(flow.id));
    const focus = new Set<string>([...diff.elements.added, ...diff.elements.removed, ...diff.elements.changed.map(change => change.id)]);
    for (const flow of [...head.model.flows.filter(flow => changedFlows.has(flow.id)), ...removedFlows]) focus.add(flow.source).add(flow.target);
    if (focus.size === 0) return undefined;
    const shown = new Set(focus);
    for (const flow of head.model.flows) {
        if (focus.has(flow.source)) shown.add(flow.target);
        if (focus.has(flow.target)) shown.add(flow.source);
    }
    const ids = new Map([...shown].map((id, index) => [id, `n${index}`]));
    const lines = ['flowchart LR'];
    for (const id of shown) {
        const element = headElements.get(id) ?? baseElements.get(id);
        if (element) lines.push(`  ${ids.get(id)}${shape(element)}`);
    }
    const edges: { flow: ModelFlow; state?: 'added' | 'removed' | 'changed' }[] = [
        ...head.model.flows.filter(flow => shown.has(flow.source) && shown.has(flow.target))
            .map(flow => ({ flow, state: diff.flows.added.includes(flow.id) ? 'added' as const : changedFlows.has(flow.id) ? 'changed' as const : undefined })),
        ...removedFlows.filter(flow => shown.has(flow.source) && shown.has(flow.target)).map(flow => ({ flow, state: 'removed' as const }))
    ];
    edges.forEach(({ flow, state }, index) => {
        lines.push(`  ${ids.get(flow.source)} ${flow.bidirectional ? '<-->' : '-->'}|"${mermaidText(flow.label ?? flow.id, 40)}"| ${ids.get(flow.target)}`);
        if (state) lines.push(`  linkStyle ${index} ${EDGE_STYLES[state]}`);
    });
    lines.push('  classDef added fill:#e8f5e9,stroke:#2e7d32,stroke-width:3px', '  classDef removed fill:#ffebee,stroke:#c62828,stroke-dasharray:5 3',
        '  classDef changed fill:#fff3e0,stroke:#ef6c00,stroke-width:3px');
    for (const [state, list] of [['added', diff.elements.added], ['removed', diff.elements.removed], ['changed', diff.elements.changed.map(change => change.id)]] as const) {
        for (const id of list) if (ids.has(id)) lines.push(`  class ${ids.get(id)} ${state}`);
    }
    return lines.join('\n');
}

const EDGE_STYLES = { added: 'stroke:#2e7d32,stroke-width:3px', removed: 'stroke:#c62828,stroke-dasharray:5 3', changed: 'stroke:#ef6c00,stroke-width:3px' };

