import type { DiagramGraph } from './diagram-types.js';

/**
 * Only what has open threats: elements and flows with one, and the two ends of every such flow
 * (so a flow is never drawn without its ends). Boundaries stay when something inside them stays.
 */
export function withOpenThreatsOnly(graph: DiagramGraph): DiagramGraph {
    const edges = graph.edges.filter(edge => edge.severity !== undefined);
    const kept = new Set(graph.nodes.filter(node => node.severity !== undefined).map(node => node.id));
    for (const edge of edges) kept.add(edge.source).add(edge.target);
    const nodes = graph.nodes.filter(node => kept.has(node.id));
    const parents = new Map(graph.boundaries.map(boundary => [boundary.id, boundary.parent]));
    const boundaries = new Set<string>();
    for (const node of nodes) {
        for (let boundary = node.boundary; boundary !== undefined && !boundaries.has(boundary); boundary = parents.get(boundary)) boundaries.add(boundary);
    }
    return { nodes, edges, boundaries: graph.boundaries.filter(boundary => boundaries.has(boundary.id)) };
}
