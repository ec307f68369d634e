import { collapseBoundaries } from '../language-server/render/collapse-boundaries.js';
import { diagramSvg } from '../language-server/render/diagram-svg.js';
import type { DiagramDirection, DiagramGraph, PositionedDiagram } from '../language-server/render/diagram-types.js';
import { layoutSignature, relabelDiagram } from '../language-server/render/layout-reuse.js';
import { withOpenThreatsOnly } from '../language-server/render/open-threat-filter.js';
import { quickLayout } from '../language-server/render/quick-layout.js';
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
    /** A picture is on screen: provisional (the quick layout, ELK still working) or final. */
    drawn(milliseconds: { layout: number; total: number; firstPicture: number; reused: boolean; provisional: boolean }): void;
}

/** When ELK has not answered by then, the quick layout is drawn meanwhile. */
const QUICK_LAYOUT_AFTER_MS = 120;

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
    private generation = 0;

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

    /**
     * Draws the graph; resolves when drawn, or at once when a newer graph superseded it. A layout
     * that takes ELK longer than a moment is preceded by the quick layout, so something is on
     * screen at once and the final picture replaces it in place (same view).
     */
    async show(graph: DiagramGraph, settings: DfdSettings): Promise<void> {
        const started = performance.now();
        const generation = ++this.generation;
        const shown = collapseBoundaries(settings.openOnly ? withOpenThreatsOnly(graph) : graph, settings.collapsed);
        const signature = layoutSignature(shown, settings.direction);
        if (this.last?.signature === signature) {
            this.draw(relabelDiagram(this.last.diagram, shown), settings, signature, started, { reused: true, provisional: false });
            return;
        }
        const final = this.layout.layout(shown, { direction: settings.direction });
        const first = await Promise.race([final, new Promise<'slow'>(resolve => setTimeout(() => resolve('slow'), QUICK_LAYOUT_AFTER_MS))]);
        let firstPicture: number | undefined;
        if (first === 'slow' && generation === this.generation) {
            this.draw(quickLayout(shown, settings.direction), settings, undefined, started, { reused: false, provisional: true });
            firstPicture = performance.now() - started;
        }
        const diagram = first === 'slow' ? await final : first;
        if (diagram && generation === this.generation) this.draw(diagram, settings, signature, started, { reused: false, provisional: false }, firstPicture);
    }

    private draw(diagram: PositionedDiagram, settings: DfdSettings, signature: string | undefined, started: number,
        kind: { reused: boolean; provisional: boolean }, firstPicture?: number): void {
        const laidOut = performance.now();
        // A provisional picture is never reused as a layout.
        if (signature !== undefined) this.last = { signature, diagram };
        this.svgText = diagramSvg(diagram, settings.title);
        const svg = svgElement(this.svgText);
        const replacesProvisional = this.container.classList.contains('provisional');
        this.container.replaceChildren(svg);
        this.container.classList.toggle('provisional', kind.provisional);
        if (diagram.nodes.length === 0) this.container.append(emptyNote(settings.openOnly));
        this.panZoom.attach(svg, replacesProvisional);
        this.highlight(this.highlighted, false);
        const total = performance.now() - started;
        this.events.drawn({ layout: laidOut - started, total, firstPicture: firstPicture ?? total, ...kind });
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
