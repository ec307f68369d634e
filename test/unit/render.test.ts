import { describe, expect, test } from 'vitest';
import { collapseBoundaries, COLLAPSE_ABOVE_NODES, initiallyCollapsed } from '../../language-server/render/collapse-boundaries.js';
import { layoutDiagram } from '../../language-server/render/diagram-layout.js';
import { diagramSvg } from '../../language-server/render/diagram-svg.js';
import type { DiagramGraph } from '../../language-server/render/diagram-types.js';
import { layoutSignature, relabelDiagram } from '../../language-server/render/layout-reuse.js';
import { withOpenThreatsOnly } from '../../language-server/render/open-threat-filter.js';
import { quickLayout } from '../../language-server/render/quick-layout.js';
import { traceSvg } from '../../language-server/render/trace-svg.js';
import { traceView } from '../../language-server/render/trace-view.js';
import { modelOf } from './helpers.js';

/** A: user → Web (in Dmz) → Db (in Core, inside Dmz); Web has a high threat, Db a medium one. */
const GRAPH: DiagramGraph = {
    nodes: [
        { id: 'User', kind: 'actor', label: 'User' },
        { id: 'Web', kind: 'process', label: 'Web', boundary: 'Dmz', severity: 'high', openThreats: 2 },
        { id: 'Db', kind: 'datastore', label: 'Db', boundary: 'Core', severity: 'medium', openThreats: 1 },
        { id: 'Cache', kind: 'datastore', label: 'Cache', boundary: 'Core' }
    ],
    boundaries: [{ id: 'Dmz', label: 'DMZ' }, { id: 'Core', label: 'Core', parent: 'Dmz' }],
    edges: [
        { id: 'Visit', source: 'User', target: 'Web', label: 'Visit', bidirectional: false, crossing: true, severity: 'high' },
        { id: 'Query', source: 'Web', target: 'Db', label: 'Query', bidirectional: false, crossing: true },
        { id: 'Fill', source: 'Db', target: 'Cache', label: 'Fill', bidirectional: false, crossing: false }
    ]
};

describe('the DFD graph functions shared by the preview and the CLI', () => {
    test('a collapsed boundary is one node carrying the worst severity and the open threats inside it', () => {
        const collapsed = collapseBoundaries(GRAPH, new Set(['Dmz']));
        expect(collapsed.nodes.map(node => node.id)).toEqual(['Dmz', 'User']);
        expect(collapsed.nodes[0]).toMatchObject({ kind: 'boundary', label: 'DMZ', severity: 'high', openThreats: 3 });
        expect(collapsed.boundaries).toEqual([]);
        expect(collapsed.edges).toEqual([expect.objectContaining({ id: 'Visit', source: 'User', target: 'Dmz' })]);
    });

    test('collapsing an inner boundary keeps the outer one and merges parallel flows into one', () => {
        const parallel: DiagramGraph = { ...GRAPH, edges: [...GRAPH.edges, { id: 'Write', source: 'Web', target: 'Cache', label: 'Write', bidirectional: false, crossing: true, severity: 'low' }] };
        const collapsed = collapseBoundaries(parallel, new Set(['Core']));
        expect(collapsed.boundaries.map(boundary => boundary.id)).toEqual(['Dmz']);
        expect(collapsed.nodes.find(node => node.id === 'Core')).toMatchObject({ boundary: 'Dmz', severity: 'medium' });
        const intoCore = collapsed.edges.filter(edge => edge.target === 'Core');
        expect(intoCore).toHaveLength(1);
        expect(intoCore[0]).toMatchObject({ label: '2 flows', severity: 'low' });
    });

    test('large diagrams start with every boundary collapsed', () => {
        expect(initiallyCollapsed(GRAPH).size).toBe(0);
        const large: DiagramGraph = { ...GRAPH, nodes: Array.from({ length: COLLAPSE_ABOVE_NODES + 1 }, (_, index) => ({ id: `N${index}`, kind: 'process', label: 'n', boundary: 'Core' })) };
        expect([...initiallyCollapsed(large)].sort()).toEqual(['Core', 'Dmz']);
    });

    test('the open-threats filter keeps what has an open threat and the ends of its flows', () => {
        const open = withOpenThreatsOnly(GRAPH);
        expect(open.nodes.map(node => node.id)).toEqual(['User', 'Web', 'Db']);
        expect(open.edges.map(edge => edge.id)).toEqual(['Visit']);
        expect(open.boundaries.map(boundary => boundary.id).sort()).toEqual(['Core', 'Dmz']);
    });

    test('a label-only change keeps the layout signature, and the old layout takes the new labels', async () => {
        const relabelled: DiagramGraph = { ...GRAPH, nodes: GRAPH.nodes.map(node => ({ ...node, label: `${node.label} v2` })), edges: GRAPH.edges.map(edge => ({ ...edge, severity: 'critical' })) };
        expect(layoutSignature(relabelled)).toBe(layoutSignature(GRAPH));
        expect(layoutSignature(GRAPH, 'TB')).not.toBe(layoutSignature(GRAPH, 'LR'));
        expect(layoutSignature({ ...GRAPH, edges: GRAPH.edges.slice(1) })).not.toBe(layoutSignature(GRAPH));
        const laidOut = await layoutDiagram(GRAPH);
        const reused = relabelDiagram(laidOut, relabelled);
        expect(reused.nodes.map(node => [node.id, node.text, node.x, node.y])).toEqual(laidOut.nodes.map(node => [node.id, `${node.label} v2`, node.x, node.y]));
        expect(reused.edges.map(edge => [edge.id, edge.severity, edge.points])).toEqual(laidOut.edges.map(edge => [edge.id, 'critical', edge.points]));
    });

    test('top-to-bottom lays the flows downwards', async () => {
        const chain: DiagramGraph = { nodes: GRAPH.nodes.slice(0, 2).map(({ boundary: _boundary, ...node }) => node), boundaries: [], edges: [GRAPH.edges[0]] };
        const across = await layoutDiagram(chain, { direction: 'LR' });
        const down = await layoutDiagram(chain, { direction: 'TB' });
        const [user, web] = ['User', 'Web'].map(id => across.nodes.find(node => node.id === id)!);
        const [userDown, webDown] = ['User', 'Web'].map(id => down.nodes.find(node => node.id === id)!);
        expect(web.x).toBeGreaterThan(user.x + user.width - 1);
        expect(webDown.y).toBeGreaterThan(userDown.y + userDown.height - 1);
    });

    test('the SVG marks collapsed boundaries and carries data-id for the preview, escaped', async () => {
        const hostile: DiagramGraph = { ...GRAPH, nodes: [...GRAPH.nodes, { id: 'x"><script>', kind: 'actor', label: '<img src=x onerror=alert(1)>' }] };
        const svg = diagramSvg(await layoutDiagram(collapseBoundaries(hostile, new Set(['Core']))), 'T');
        expect(svg).toContain('class="node boundary" data-id="Core"');
        expect(svg).toContain('⊞ Core');
        expect(svg).toContain('data-id="x&quot;&gt;&lt;script&gt;"');
        expect(svg).not.toMatch(/<script|<img/);
    });
});

describe('the quick layout drawn while ELK works', () => {
    const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
        inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

    test.each(['LR', 'TB'] as const)('puts every element inside its boundary, boundaries inside their parents, nothing on top of anything (%s)', direction => {
        const diagram = quickLayout(GRAPH, direction);
        const boxes = new Map([...diagram.nodes, ...diagram.boundaries].map(item => [item.id, item]));
        for (const node of diagram.nodes) if (node.boundary) expect(inside(node, boxes.get(node.boundary)!), node.id).toBe(true);
        for (const boundary of diagram.boundaries) if (boundary.parent) expect(inside(boundary, boxes.get(boundary.parent)!), boundary.id).toBe(true);
        const siblings = [diagram.nodes.find(node => node.id === 'User')!, diagram.boundaries.find(boundary => boundary.id === 'Dmz')!];
        expect(overlap(siblings[0], siblings[1])).toBe(false);
        const [db, cache] = ['Db', 'Cache'].map(id => diagram.nodes.find(node => node.id === id)!);
        expect(overlap(db, cache)).toBe(false);
        // Flows go the layout's way: the target's layer after the source's.
        if (direction === 'LR') expect(cache.x).toBeGreaterThan(db.x + db.width);
        else expect(cache.y).toBeGreaterThan(db.y + db.height);
        expect(diagram.edges.every(edge => edge.points.length === 2)).toBe(true);
    });

    test('lays out 5,000 elements in 50 nested boundaries with 7,000 flows', () => {
        const large: DiagramGraph = {
            nodes: Array.from({ length: 5000 }, (_, index) => ({ id: `N${index}`, kind: 'process', label: `Node ${index}`, boundary: `B${index % 50}` })),
            boundaries: Array.from({ length: 50 }, (_, index) => ({ id: `B${index}`, label: `B${index}`, parent: index % 5 === 0 ? undefined : `B${index - (index % 5)}` })),
            edges: Array.from({ length: 7000 }, (_, index) => ({ id: `F${index}`, source: `N${index % 5000}`, target: `N${(index * 7 + 1) % 5000}`, label: 'f', bidirectional: false, crossing: false }))
        };
        const diagram = quickLayout(large);
        expect(diagram.nodes).toHaveLength(5000);
        expect(diagram.nodes.every(node => Number.isFinite(node.x) && Number.isFinite(node.y))).toBe(true);
    });
});

describe('the traceability view', () => {
    test('links stories to threats, threats to mitigations and mitigations to tickets, and marks the gaps', async () => {
        const { model } = await modelOf(`
            actor A
            process P
            flow F: A -> P
            story Pay "As a shopper I want to pay" without "my card leaking" { threats [Leak] }
            story Browse "As a shopper I want to browse"
            story Vague "As a shopper I want things" without "anything bad"
            threat Leak "Card leaks" { on P  stride information-disclosure  severity high  mitigated-by Tls }
            threat Forgotten "Nobody mitigates this" { on P  stride tampering  severity medium }
            mitigation Tls "TLS everywhere" { status planned  ticket "SEC-1" }
            mitigation Waf "A WAF" { status proposed }
        `);
        const view = traceView(model);
        expect(view.links).toEqual([{ from: 'Pay', to: 'Leak' }, { from: 'Leak', to: 'Tls' }, { from: 'Tls', to: 'ticket:SEC-1' }]);
        const gaps = Object.fromEntries(Object.values(view.columns).flat().filter(item => item.gap).map(item => [item.key, item.gap]));
        expect(gaps).toEqual({ Browse: 'no WITHOUT clause', Vague: 'WITHOUT clause linked to no threat', Forgotten: 'no mitigation', Waf: 'no ticket' });
        const svg = traceSvg(view, 'T');
        expect(svg.match(/class="row gap"/g)).toHaveLength(4);
        expect(svg.match(/class="link"/g)).toHaveLength(3);
        expect(svg).toContain('data-id="ticket:SEC-1"');
    });
});
