import { traceSvg } from '../language-server/render/trace-svg.js';
import type { TraceView } from '../language-server/render/trace-types.js';
import { dataIdAt, svgElement } from './svg-dom.js';

/** The traceability view: the shared SVG renderer's picture; a click on a row reveals its declaration or opens its ticket. */
export class TracePanel {
    private svgText = '';

    constructor(private readonly container: HTMLElement, select: (key: string) => void) {
        container.addEventListener('click', event => {
            const hit = dataIdAt(event.target);
            if (hit) select(hit.id);
        });
    }

    /** Draws the view. */
    show(view: TraceView, title: string): void {
        this.svgText = traceSvg(view, `${title}: traceability`);
        this.container.replaceChildren(svgElement(this.svgText));
        const gaps = Object.values(view.columns).flat().filter(item => item.gap).length;
        const summary = document.createElement('p');
        summary.className = 'summary';
        summary.textContent = gaps === 0 ? 'No traceability gap.' : `${gaps} traceability gap${gaps === 1 ? '' : 's'} (dashed).`;
        this.container.prepend(summary);
    }

    /** Marks the row with this key. */
    highlight(key: string | null): void {
        for (const element of this.container.querySelectorAll('.highlighted')) element.classList.remove('highlighted');
        const target = key === null ? undefined : [...this.container.querySelectorAll('[data-id]')].find(element => element.getAttribute('data-id') === key);
        target?.classList.add('highlighted');
    }

    /** The drawn picture as a standalone SVG file. */
    svg(): string {
        return this.svgText;
    }
}
