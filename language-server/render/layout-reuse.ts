import { MAX_EDGE_LABEL, MAX_LABEL, shorten } from './diagram-layout.js';
import type { DiagramDirection, DiagramGraph, PositionedDiagram } from './diagram-types.js';

/**
 * What the layout depends on: nodes (id, kind, boundary), boundaries (id, parent), flows (ends,
 * direction) and the layout direction. Two graphs with the same signature differ only in labels,
 * severities or counts, so the previous layout can be reused (labels are shortened to a fixed
 * maximum, and a node keeps its previous size).
 */
export function layoutSignature(graph: DiagramGraph, direction: DiagramDirection = 'LR'): string {
    return JSON.stringify([
        direction,
        graph.nodes.map(node => [node.id, node.kind, node.boundary ?? null]),
        graph.boundaries.map(boundary => [boundary.id, boundary.parent ?? null]),
        graph.edges.map(edge => [edge.source, edge.target, edge.bidirectional])
    ]);
}

/** The previous layout with the new graph's labels, severities and counts (same signature assumed). */
export function relabelDiagram(previous: PositionedDiagram, graph: DiagramGraph): PositionedDiagram {
    const nodes = new Map(graph.nodes.map(node => [node.id, node]));
    const boundaries = new Map(graph.boundaries.map(boundary => [boundary.id, boundary]));
    return {
        width: previous.width,
        height: previous.height,
        nodes: previous.nodes.map(node => {
            const now = nodes.get(node.id) ?? node;
            return { ...now, x: node.x, y: node.y, width: node.width, height: node.height, text: shorten(now.label, MAX_LABEL) };
        }),
        boundaries: previous.boundaries.map(boundary => {
            const now = boundaries.get(boundary.id) ?? boundary;
            return { ...now, x: boundary.x, y: boundary.y, width: boundary.width, height: boundary.height, text: shorten(now.label, MAX_LABEL) };
        }),
        edges: previous.edges.map((edge, index) => {
            const now = graph.edges[index] ?? edge;
            return { ...now, points: edge.points, labelBox: edge.labelBox, text: shorten(now.label, MAX_EDGE_LABEL) };
        })
    };
}
