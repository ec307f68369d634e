/** The visible part of a picture: its top-left corner in picture coordinates and the scale. */
export interface View {
    x: number;
    y: number;
    scale: number;
}

const MIN_SCALE = 0.05;
/** The smallest scale the first view uses: below it, 12 px labels are no longer legible. */
const READABLE_SCALE = 0.6;
const MAX_SCALE = 8;

/**
 * Pan (drag) and zoom (wheel, buttons) on an SVG through its viewBox, so the picture stays sharp.
 * The view survives a redraw: `attach` re-applies it to the new SVG.
 */
export class PanZoom {
    view: View | undefined;
    private svg: SVGSVGElement | undefined;
    private size = { width: 0, height: 0, x: 0, y: 0 };

    constructor(private readonly container: HTMLElement, private readonly onChange: (view: View) => void) {
        container.addEventListener('wheel', event => {
            event.preventDefault();
            this.zoomBy(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.offsetX, event.offsetY);
        }, { passive: false });
        let drag: { x: number; y: number; view: View } | undefined;
        container.addEventListener('pointerdown', event => {
            if (event.button !== 0 || !this.view) return;
            drag = { x: event.clientX, y: event.clientY, view: { ...this.view } };
        });
        container.addEventListener('pointermove', event => {
            if (!drag) return;
            const moved = Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y);
            if (moved < 4) return;
            container.classList.add('panning');
            this.framing = 'user';
            this.set({ ...drag.view, x: drag.view.x - (event.clientX - drag.x) / drag.view.scale, y: drag.view.y - (event.clientY - drag.y) / drag.view.scale });
        });
        const end = () => {
            drag = undefined;
            // Let the click that ends a drag see the class, then clear it.
            setTimeout(() => container.classList.remove('panning'), 0);
        };
        container.addEventListener('pointerup', end);
        container.addEventListener('pointerleave', end);
    }

    /**
     * How the current view came about: the initial framing, the Fit button, or the user's own pan
     * and zoom. When a provisional picture is replaced by the final layout, the first two are
     * applied again to the new picture; the user's own view is kept.
     */
    private framing: 'initial' | 'fit' | 'user' = 'initial';

    /** Shows a new SVG, keeping the current view (or framing it, the first time or after a provisional picture). */
    attach(svg: SVGSVGElement, replacesProvisional = false): void {
        this.svg = svg;
        const [x, y, width, height] = (svg.getAttribute('viewBox') ?? '0 0 100 100').split(/\s+/).map(Number);
        this.size = { x, y, width, height };
        svg.removeAttribute('width');
        svg.removeAttribute('height');
        if (!this.view || (replacesProvisional && this.framing === 'initial')) this.frame(READABLE_SCALE);
        else if (replacesProvisional && this.framing === 'fit') this.fit();
        else this.apply();
    }

    /** The initial framing: the whole picture, or its start at a legible scale. */
    private frame(minimum: number): void {
        this.fit(minimum);
        this.framing = 'initial';
    }

    /**
     * Fits the whole picture into the container. With a minimum scale (the first view of a large
     * diagram), the picture is shown from its start at that scale instead, so that text stays legible.
     */
    fit(minimum = 0): void {
        const { clientWidth, clientHeight } = this.container;
        const fitting = Math.min(1.5, clientWidth / this.size.width, clientHeight / this.size.height) || 1;
        const scale = Math.max(fitting, minimum);
        const x = scale > fitting && clientWidth / scale < this.size.width ? this.size.x : this.size.x - (clientWidth / scale - this.size.width) / 2;
        const y = scale > fitting && clientHeight / scale < this.size.height ? this.size.y : this.size.y - (clientHeight / scale - this.size.height) / 2;
        this.set({ x, y, scale });
        this.framing = 'fit';
    }

    /** Zooms by a factor around a point of the container (its centre by default). */
    zoomBy(factor: number, atX = this.container.clientWidth / 2, atY = this.container.clientHeight / 2): void {
        if (!this.view) return;
        const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.view.scale * factor));
        const pointX = this.view.x + atX / this.view.scale;
        const pointY = this.view.y + atY / this.view.scale;
        this.set({ x: pointX - atX / scale, y: pointY - atY / scale, scale });
        this.framing = 'user';
    }

    /** Centres a box of the picture in the container, if it is outside the view. */
    reveal(box: { x: number; y: number; width: number; height: number }): void {
        if (!this.view) return;
        const { clientWidth, clientHeight } = this.container;
        const visible = box.x >= this.view.x && box.y >= this.view.y
            && box.x + box.width <= this.view.x + clientWidth / this.view.scale && box.y + box.height <= this.view.y + clientHeight / this.view.scale;
        if (!visible) this.set({ ...this.view, x: box.x + box.width / 2 - clientWidth / this.view.scale / 2, y: box.y + box.height / 2 - clientHeight / this.view.scale / 2 });
    }

    set(view: View): void {
        this.view = view;
        this.apply();
        this.onChange(view);
    }

    private apply(): void {
        if (!this.svg || !this.view) return;
        const { clientWidth, clientHeight } = this.container;
        this.svg.setAttribute('viewBox', `${this.view.x} ${this.view.y} ${clientWidth / this.view.scale} ${clientHeight / this.view.scale}`);
    }
}
