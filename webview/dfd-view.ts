import { collapseBoundaries } from '../language-server/render/collapse-boundaries.js';
import { diagramSvg } from '../language-server/render/diagram-svg.js';
import type { DiagramDirection, DiagramGraph, PositionedDiagram } from '../language-server/render/diagram-types.js';
import { layoutSignature, relabelDiagram } from '../language-server/render/layout-reuse.js';
import { withOpenThreatsOnly } from '../language-server/render/open-threat-filter.js';
import type { LayoutClient } from './layout-client.js';
import { PanZoom, type View } from './pan-zoom.js';
import { dataIdAt, svgElement } from './svg-dom.js';

/** How the DFD is drawn: the preview's settings. */
export interface DfdSettings {
    title: string;
    direction: DiagramDirection;
    openOnly: boolean;
    collapsed: ReadonlySet<string>;
}

/** What the DFD tells the page: a click on an element, flow or boundary, a collapsed boundary to expand, a new view. */
export interface DfdEvents {
    select(id: string): void;
    expand(boundary: string): void;
    viewChanged(view: View): void;
    drawn(milliseconds: { layout: number; total: number; reused: boolean }): void;
}

/**
 * The DFD panel: lays the graph out (in the worker; the previous layout is reused when only labels,
 * severities or counts changed), draws it with the shared SVG renderer and keeps the view and the
 * highlighted node across redraws.
 */
export class DfdView {
    readonly panZoom: PanZoom;
    private last: { signature: string; diagram: PositionedDiagram } | undefined;
    private svgText = '';
    private highlighted: string | null = null;

    constructor(private readonly container: HTMLElement, private readonly layout: LayoutClient, private readonly events: DfdEvents, view?: View) {
        this.panZoom = new PanZoom(container, current => events.viewChanged(current));
        this.panZoom.view = view;
        container.addEventListener('click', event => {
            if (container.classList.contains('panning')) return;
            const hit = dataIdAt(event.target);
            if (!hit) return;
            if (hit.element.classList.contains('boundary') && hit.element.classList.contains('node')) events.expand(hit.id);
            else events.select(hit.id);
        });
    }

    /** Draws the graph; resolves when drawn, or at once when a newer graph superseded it. */
    async show(graph: DiagramGraph, settings: DfdSettings): Promise<void> {
        const started = performance.now();
        const shown = collapseBoundaries(settings.openOnly ? withOpenThreatsOnly(graph) : graph, settings.collapsed);
        const signature = layoutSignature(shown, settings.direction);
        let diagram: PositionedDiagram | undefined;
        const reused = this.last?.signature === signature;
        if (reused) diagram = relabelDiagram(this.last!.diagram, shown);
        else diagram = await this.layout.layout(shown, { direction: settings.direction });
        if (!diagram) return;
        const laidOut = performance.now();
        this.last = { signature, diagram };
        this.svgText = diagramSvg(diagram, settings.title);
        const svg = svgElement(this.svgText);
        this.container.replaceChildren(svg);
        if (shown.nodes.length === 0) this.container.append(emptyNote(settings.openOnly));
        this.panZoom.attach(svg);
        this.highlight(this.highlighted, false);
        this.events.drawn({ layout: laidOut - started, total: performance.now() - started, reused });
    }

    /** Marks the node, flow or boundary with this id (null: none), bringing it into view when asked. */
    highlight(id: string | null, reveal = true): void {
        this.highlighted = id;
        for (const element of this.container.querySelectorAll('.highlighted')) element.classList.remove('highlighted');
        if (id === null) return;
        const target = [...this.container.querySelectorAll('[data-id]')].find(element => element.getAttribute('data-id') === id);
        if (!target) return;
        target.classList.add('highlighted');
        const box = this.last?.diagram.nodes.find(node => node.id === id) ?? this.last?.diagram.boundaries.find(boundary => boundary.id === id);
        if (reveal && box) this.panZoom.reveal(box);
    }

    /** The drawn picture as a standalone SVG file. */
    svg(): string {
        return this.svgText;
    }
}

function emptyNote(openOnly: boolean): HTMLElement {
    const note = document.createElement('p');
    note.className = 'empty';
    note.textContent = openOnly ? 'No element or flow has an open threat.' : 'The model declares no element yet.';
    return note;
}
