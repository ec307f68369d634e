import type { Analysis } from '../analysis/analysis-types.js';
import type { ElementKind, Severity } from '../model/threat-model-types.js';
import { worstOpenSeverity } from '../report/mermaid-dfd.js';

/** A node of the DFD: an element, with the boundary it is drawn in and its worst open threat. */
export interface DiagramNode {
    id: string;
    kind: ElementKind;
    label: string;
    boundary?: string;
    severity?: Severity;
}

/** A trust boundary, drawn as a dashed container; `parent` when nested. */
export interface DiagramBoundary {
    id: string;
    label: string;
    parent?: string;
}

/** A flow: thick when it crosses a boundary, coloured by its worst open threat. */
export interface DiagramEdge {
    id: string;
    source: string;
    target: string;
    label: string;
    bidirectional: boolean;
    crossing: boolean;
    severity?: Severity;
}

/** What the renderer draws: plain data, from the model and its analysis, no layout yet. */
export interface DiagramGraph {
    nodes: DiagramNode[];
    boundaries: DiagramBoundary[];
    edges: DiagramEdge[];
}

/**
 * The DFD of an analysed model. A name declared twice (a duplicate-name error) is drawn once, and a
 * boundary that would contain itself is drawn at the top, so the graph is always a tree.
 */
export function diagramGraph(analysis: Analysis): DiagramGraph {
    const { model } = analysis;
    const worst = worstOpenSeverity(analysis);
    const boundaries = dedupe(model.boundaries);
    const parents = new Map(boundaries.map(boundary => [boundary.id, boundary.parent]));
    const cyclic = (id: string) => {
        const seen = new Set<string>();
        for (let current: string | undefined = parents.get(id); current !== undefined; current = parents.get(current)) {
            if (current === id || seen.has(current)) return true;
            seen.add(current);
        }
        return false;
    };
    return {
        nodes: dedupe(model.elements).map(element => ({
            id: element.id, kind: element.kind, label: element.label ?? element.id, boundary: element.boundaries.at(-1), severity: worst.get(element.id)
        })),
        boundaries: boundaries.map(boundary => ({
            id: boundary.id, label: boundary.label ?? boundary.id, parent: cyclic(boundary.id) || !parents.has(boundary.parent ?? '') ? undefined : boundary.parent
        })),
        edges: model.flows.map(flow => ({
            id: flow.id, source: flow.source, target: flow.target, label: flow.label ?? flow.id, bidirectional: flow.bidirectional,
            crossing: flow.crosses.length > 0, severity: worst.get(flow.id)
        }))
    };
}

/** The first of each id. */
function dedupe<T extends { id: string }>(items: readonly T[]): T[] {
    const seen = new Set<string>();
    return items.filter(item => !seen.has(item.id) && seen.add(item.id) !== undefined);
}
