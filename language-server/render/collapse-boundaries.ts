import { SEVERITIES_WORST_FIRST } from '../model/threat-status.js';
import type { DiagramEdge, DiagramGraph, DiagramNode, DiagramSeverity } from './diagram-types.js';

/** Above this many elements the preview starts with every boundary collapsed (ELK is superlinear). */
export const COLLAPSE_ABOVE_NODES = 200;

/**
 * The graph with the given boundaries drawn as single nodes: what is inside a collapsed boundary
 * (elements and nested boundaries) is replaced by one `boundary` node carrying the worst severity
 * and the sum of open threats inside; flows inside it disappear, flows across its edge are
 * re-attached to it, and parallel flows between the same two nodes are drawn once.
 */
export function collapseBoundaries(graph: DiagramGraph, collapsed: ReadonlySet<string>): DiagramGraph {
    if (collapsed.size === 0) return graph;
    const parents = new Map(graph.boundaries.map(boundary => [boundary.id, boundary.parent]));
    const outermostCollapsed = (boundary: string | undefined): string | undefined => {
        let found: string | undefined;
        const seen = new Set<string>();
        for (let current = boundary; current !== undefined && !seen.has(current); current = parents.get(current)) {
            seen.add(current);
            if (collapsed.has(current)) found = current;
        }
        return found;
    };
    const representative = new Map<string, string>();
    const collapsedNodes = new Map<string, DiagramNode>();
    const nodes: DiagramNode[] = [];
    for (const boundary of graph.boundaries) {
        if (outermostCollapsed(boundary.id) !== boundary.id) continue;
        const node: DiagramNode = { id: boundary.id, kind: 'boundary', label: boundary.label, boundary: boundary.parent, openThreats: 0 };
        collapsedNodes.set(boundary.id, node);
        nodes.push(node);
    }
    for (const node of graph.nodes) {
        const outer = outermostCollapsed(node.boundary);
        const into = outer === undefined ? undefined : collapsedNodes.get(outer);
        if (!into) {
            nodes.push(node);
            continue;
        }
        representative.set(node.id, into.id);
        into.openThreats = (into.openThreats ?? 0) + (node.openThreats ?? 0);
        into.severity = worse(into.severity, node.severity);
    }
    return {
        nodes,
        boundaries: graph.boundaries.filter(boundary => outermostCollapsed(boundary.id) === undefined),
        edges: reattach(graph.edges, representative)
    };
}

/** Every boundary of the graph: the initial collapsed set of a large diagram. */
export function initiallyCollapsed(graph: DiagramGraph): Set<string> {
    return graph.nodes.length > COLLAPSE_ABOVE_NODES ? new Set(graph.boundaries.map(boundary => boundary.id)) : new Set();
}

function reattach(edges: readonly DiagramEdge[], representative: ReadonlyMap<string, string>): DiagramEdge[] {
    const merged = new Map<string, DiagramEdge & { count: number }>();
    for (const edge of edges) {
        const source = representative.get(edge.source) ?? edge.source;
        const target = representative.get(edge.target) ?? edge.target;
        const moved = source !== edge.source || target !== edge.target;
        if (!moved) {
            merged.set(`flow:${edge.id}:${merged.size}`, { ...edge, count: 1 });
            continue;
        }
        if (source === target) continue;
        const key = `${source}\u0000${target}`;
        const existing = merged.get(key);
        if (!existing) merged.set(key, { ...edge, source, target, count: 1 });
        else {
            existing.count++;
            existing.label = `${existing.count} flows`;
            existing.crossing ||= edge.crossing;
            existing.bidirectional ||= edge.bidirectional;
            existing.severity = worse(existing.severity, edge.severity);
        }
    }
    return [...merged.values()].map(({ count: _count, ...edge }) => edge);
}

function worse(left: DiagramSeverity | undefined, right: DiagramSeverity | undefined): DiagramSeverity | undefined {
    if (!left) return right;
    if (!right) return left;
    return SEVERITIES_WORST_FIRST.indexOf(left) <= SEVERITIES_WORST_FIRST.indexOf(right) ? left : right;
}
