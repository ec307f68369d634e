import type { Analysis } from '../analysis/analysis-types.js';
import type { DiagramGraph } from './diagram-types.js';
import { openThreatsBySubject } from './open-threats.js';

export type { DiagramBoundary, DiagramEdge, DiagramGraph, DiagramNode } from './diagram-types.js';

/**
 * The DFD of an analysed model. A name declared twice (a duplicate-name error) is drawn once, and a
 * boundary that would contain itself is drawn at the top, so the graph is always a tree.
 */
export function diagramGraph(analysis: Analysis): DiagramGraph {
    const { model } = analysis;
    const open = openThreatsBySubject(analysis);
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
            id: element.id, kind: element.kind, label: element.label ?? element.id, boundary: element.boundaries.at(-1),
            severity: open.get(element.id)?.worst, openThreats: open.get(element.id)?.count
        })),
        boundaries: boundaries.map(boundary => ({
            id: boundary.id, label: boundary.label ?? boundary.id, parent: cyclic(boundary.id) || !parents.has(boundary.parent ?? '') ? undefined : boundary.parent
        })),
        edges: model.flows.map(flow => ({
            id: flow.id, source: flow.source, target: flow.target, label: flow.label ?? flow.id, bidirectional: flow.bidirectional,
            crossing: flow.crosses.length > 0, severity: open.get(flow.id)?.worst
        }))
    };
}

/** The first of each id. */
function dedupe<T extends { id: string }>(items: readonly T[]): T[] {
    const seen = new Set<string>();
    return items.filter(item => !seen.has(item.id) && seen.add(item.id) !== undefined);
}
