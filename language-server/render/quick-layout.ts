import { MAX_EDGE_LABEL, MAX_LABEL, nodeSize, shorten } from './diagram-layout.js';
import type { Box, DiagramDirection, DiagramGraph, PositionedDiagram } from './diagram-types.js';

const PADDING = { top: 28, side: 14, bottom: 14 };
const GAP_BETWEEN_LAYERS = 60;
const GAP_IN_LAYER = 20;

/** A node or a container with its size; a container's children in their layers. */
interface Sized { id: string; width: number; height: number; layers?: Sized[][] }

/**
 * A layout in linear time, drawn while ELK works on the real one: inside each boundary (and at the
 * top) the direct children — elements and nested boundaries — are put in layers by the longest
 * chain of flows between them, layers side by side in the flow direction; flows are straight lines.
 * Rough, but every element is where its boundary says, so a large model shows at once.
 */
export function quickLayout(graph: DiagramGraph, direction: DiagramDirection = 'LR'): PositionedDiagram {
    const parentOf = new Map<string, string | undefined>([
        ...graph.boundaries.map(boundary => [`b:${boundary.id}`, boundary.parent === undefined ? undefined : `b:${boundary.parent}`] as const),
        ...graph.nodes.map(node => [`n:${node.id}`, node.boundary === undefined ? undefined : `b:${node.boundary}`] as const)
    ]);
    const childrenOf = new Map<string | undefined, string[]>();
    for (const [child, parent] of parentOf) childrenOf.set(parent, [...childrenOf.get(parent) ?? [], child]);
    const nodes = new Map(graph.nodes.map(node => [`n:${node.id}`, node]));
    // Flows between the direct children of each container that holds both ends.
    const chainUp = (id: string) => {
        const chain: string[] = [];
        for (let current: string | undefined = id; current !== undefined && chain.length <= parentOf.size; current = parentOf.get(current)) chain.push(current);
        return chain;
    };
    const flowsIn = new Map<string | undefined, [string, string][]>();
    for (const edge of graph.edges) {
        const from = chainUp(`n:${edge.source}`);
        const to = chainUp(`n:${edge.target}`);
        const shared = from.find(id => id.startsWith('b:') && to.includes(id));
        const [a, b] = [from[from.indexOf(shared ?? '') - 1] ?? from.at(-1)!, to[to.indexOf(shared ?? '') - 1] ?? to.at(-1)!];
        if (a !== b) flowsIn.set(shared, [...flowsIn.get(shared) ?? [], [a, b]]);
    }
    const size = (id: string | undefined, depth: number): Sized => {
        const kids = depth > parentOf.size ? [] : (childrenOf.get(id) ?? []).map(child => size(child, depth + 1));
        if (id?.startsWith('n:')) return { id, ...nodeSize(nodes.get(id)!) };
        const layers = layered(kids, flowsIn.get(id) ?? []);
        const along = layers.reduce((total, layer) => total + Math.max(...layer.map(kid => direction === 'LR' ? kid.width : kid.height)), 0) + GAP_BETWEEN_LAYERS * Math.max(0, layers.length - 1);
        const across = Math.max(0, ...layers.map(layer => layer.reduce((total, kid) => total + (direction === 'LR' ? kid.height : kid.width), 0) + GAP_IN_LAYER * (layer.length - 1)));
        const [width, height] = direction === 'LR' ? [along, across] : [across, along];
        return { id: id ?? 'root', width: width + 2 * PADDING.side, height: height + PADDING.top + PADDING.bottom, layers };
    };
    const root = size(undefined, 0);
    const boxes = new Map<string, Box>();
    const place = (item: Sized, x: number, y: number) => {
        boxes.set(item.id, { x, y, width: item.width, height: item.height });
        let along = 0;
        for (const layer of item.layers ?? []) {
            let across = 0;
            for (const kid of layer) {
                if (direction === 'LR') place(kid, x + PADDING.side + along, y + PADDING.top + across);
                else place(kid, x + PADDING.side + across, y + PADDING.top + along);
                across += (direction === 'LR' ? kid.height : kid.width) + GAP_IN_LAYER;
            }
            along += Math.max(...layer.map(kid => direction === 'LR' ? kid.width : kid.height)) + GAP_BETWEEN_LAYERS;
        }
    };
    place(root, -PADDING.side, -PADDING.top);
    return positioned(graph, boxes, root, direction);
}

/** Children in layers by the longest chain of flows reaching them (cycles cut after one pass per child). */
function layered(children: Sized[], flows: readonly [string, string][]): Sized[][] {
    const rank = new Map(children.map(child => [child.id, 0]));
    for (let pass = 0, changed = true; changed && pass < children.length; pass++) {
        changed = false;
        for (const [from, to] of flows) {
            const next = (rank.get(from) ?? 0) + 1;
            if (rank.has(to) && next > rank.get(to)!) {
                rank.set(to, next);
                changed = true;
            }
        }
    }
    const layers: Sized[][] = [];
    for (const child of children) (layers[rank.get(child.id)!] ??= []).push(child);
    return layers.filter(layer => layer !== undefined);
}

function positioned(graph: DiagramGraph, boxes: ReadonlyMap<string, Box>, root: Sized, direction: DiagramDirection): PositionedDiagram {
    const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    return {
        width: root.width - 2 * PADDING.side, height: root.height - PADDING.top - PADDING.bottom,
        nodes: graph.nodes.map(node => ({ ...node, ...boxes.get(`n:${node.id}`)!, text: shorten(node.label, MAX_LABEL) })),
        boundaries: graph.boundaries.map(boundary => ({ ...boundary, ...boxes.get(`b:${boundary.id}`)!, text: shorten(boundary.label, MAX_LABEL) })),
        edges: graph.edges.map(edge => {
            const from = boxes.get(`n:${edge.source}`);
            const to = boxes.get(`n:${edge.target}`);
            if (!from || !to) return { ...edge, points: [], text: shorten(edge.label, MAX_EDGE_LABEL) };
            const [start, end] = direction === 'LR'
                ? [{ x: from.x + from.width, y: centre(from).y }, { x: to.x, y: centre(to).y }]
                : [{ x: centre(from).x, y: from.y + from.height }, { x: centre(to).x, y: to.y }];
            const labelBox = { x: (start.x + end.x) / 2 - 40, y: (start.y + end.y) / 2 - 6, width: 80, height: 12 };
            return { ...edge, points: [start, end], labelBox, text: shorten(edge.label, MAX_EDGE_LABEL) };
        })
    };
}
