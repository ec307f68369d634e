import ElkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramBoundary, DiagramDirection, DiagramGraph, DiagramNode, PositionedDiagram } from './diagram-types.js';

export type { Box, PositionedDiagram } from './diagram-types.js';

/** How to lay a diagram out. */
export interface LayoutOptions {
    /** Flows left to right (the default) or top to bottom. */
    direction?: DiagramDirection;
}

/** Above this many nodes, crossing minimisation trades some quality for time (it is ~65 % of ELK's work). */
const THOROUGH_UP_TO_NODES = 120;

/** ELK's in-process build (no worker); a CommonJS module whose export is the constructor. */
const Elk = ((ElkModule as unknown as { default?: unknown }).default ?? ElkModule) as new () => ELK;

const CHARACTER_WIDTH = 7;
/** Longest node and boundary text drawn; longer labels end with an ellipsis (the full label is the node's tooltip). */
export const MAX_LABEL = 34;
/** Longest flow text drawn. */
export const MAX_EDGE_LABEL = 28;

/**
 * Lays the DFD out with ELK (layered, left to right, boundaries as compound nodes with their edges
 * routed through the hierarchy). DOM-free: the CLI's HTML report and the editor's preview share it.
 * Labels are shortened for layout; the SVG writer escapes them.
 */
export async function layoutDiagram(graph: DiagramGraph, options: LayoutOptions = {}): Promise<PositionedDiagram> {
    const elk = new Elk();
    const children = new Map<string | undefined, ElkNode[]>();
    const add = (parent: string | undefined, node: ElkNode) => children.set(parent, [...(children.get(parent) ?? []), node]);
    for (const node of graph.nodes) add(node.boundary, { id: `n:${node.id}`, ...nodeSize(node) });
    const build = (boundary: DiagramBoundary): ElkNode => ({
        id: `b:${boundary.id}`,
        labels: [{ text: shorten(boundary.label, MAX_LABEL), width: shorten(boundary.label, MAX_LABEL).length * CHARACTER_WIDTH, height: 14 }],
        layoutOptions: { 'elk.padding': '[top=28,left=14,bottom=14,right=14]', 'elk.nodeLabels.placement': 'INSIDE V_TOP H_LEFT' },
        children: [...(children.get(boundary.id) ?? []), ...graph.boundaries.filter(child => child.parent === boundary.id).map(build)]
    });
    const edges: ElkExtendedEdge[] = graph.edges.map((edge, index) => ({
        id: `e:${index}`, sources: [`n:${edge.source}`], targets: [`n:${edge.target}`],
        labels: [{ text: shorten(edge.label, MAX_EDGE_LABEL), width: shorten(edge.label, MAX_EDGE_LABEL).length * 6, height: 12 }]
    }));
    const root: ElkNode = {
        id: 'root',
        layoutOptions: {
            'elk.algorithm': 'layered', 'elk.direction': options.direction === 'TB' ? 'DOWN' : 'RIGHT', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.edgeRouting': 'ORTHOGONAL',
            'elk.spacing.nodeNode': '30', 'elk.layered.spacing.nodeNodeBetweenLayers': '50', 'elk.edgeLabels.inline': 'false',
            'elk.layered.crossingMinimization.thoroughness': graph.nodes.length > THOROUGH_UP_TO_NODES ? '1' : '3'
        },
        children: [...(children.get(undefined) ?? []), ...graph.boundaries.filter(boundary => boundary.parent === undefined).map(build)],
        edges
    };
    const laid = await elk.layout(root);
    return position(graph, laid);
}

/** The box a node is drawn in: its text's width, taller for processes (circles). */
export function nodeSize(node: DiagramNode): { width: number; height: number } {
    const text = shorten(node.label, MAX_LABEL);
    const width = Math.max(70, text.length * CHARACTER_WIDTH + 24);
    if (node.kind === 'process') return { width: width + 20, height: 56 };
    return node.kind === 'boundary' ? { width: width + 30, height: 48 } : { width, height: 40 };
}

/** Turns ELK's parent-relative coordinates into absolute ones and attaches the graph's data. */
function position(graph: DiagramGraph, laid: ElkNode): PositionedDiagram {
    const nodes = new Map(graph.nodes.map(node => [`n:${node.id}`, node]));
    const boundaries = new Map(graph.boundaries.map(boundary => [`b:${boundary.id}`, boundary]));
    const result: PositionedDiagram = { width: laid.width ?? 0, height: laid.height ?? 0, nodes: [], boundaries: [], edges: [] };
    const offsets = new Map<string, { x: number; y: number }>([['root', { x: 0, y: 0 }]]);
    const edges: PositionedDiagram['edges'] = [];
    const visit = (node: ElkNode, offset: { x: number; y: number }) => {
        for (const child of node.children ?? []) {
            const box = { x: offset.x + (child.x ?? 0), y: offset.y + (child.y ?? 0), width: child.width ?? 0, height: child.height ?? 0 };
            offsets.set(child.id, { x: box.x, y: box.y });
            const element = nodes.get(child.id);
            const boundary = boundaries.get(child.id);
            if (element) result.nodes.push({ ...element, ...box, text: shorten(element.label, MAX_LABEL) });
            if (boundary) result.boundaries.push({ ...boundary, ...box, text: shorten(boundary.label, MAX_LABEL) });
            visit(child, box);
        }
        for (const edge of node.edges ?? []) {
            const index = Number(edge.id.slice(2));
            const data = graph.edges[index];
            const base = offsets.get((edge as { container?: string }).container ?? node.id) ?? offset;
            const section = edge.sections?.[0];
            const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(point => ({ x: point.x + base.x, y: point.y + base.y })) : [];
            const label = edge.labels?.[0];
            edges[index] = {
                ...data, points, text: shorten(data.label, MAX_EDGE_LABEL),
                labelBox: label && label.x !== undefined ? { x: label.x + base.x, y: (label.y ?? 0) + base.y, width: label.width ?? 0, height: label.height ?? 0 } : undefined
            };
        }
    };
    visit(laid, { x: 0, y: 0 });
    // In the graph's order, so that a later layout with the same signature can be matched edge by edge.
    result.edges = graph.edges.map((data, index) => edges[index] ?? { ...data, points: [], text: shorten(data.label, MAX_EDGE_LABEL) });
    return result;
}

/** One line of at most `max` characters, as drawn. */
export function shorten(text: string, max: number): string {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
