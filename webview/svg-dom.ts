/**
 * Turns the renderer's SVG text into DOM nodes without HTML parsing: DOMParser in XML mode never
 * runs scripts or handlers, and the renderer escaped every label, so model text stays text.
 */
export function svgElement(svg: string): SVGSVGElement {
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = parsed.documentElement;
    if (root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) throw new Error('the renderer produced malformed SVG');
    return document.importNode(root, true) as unknown as SVGSVGElement;
}

/** The nearest ancestor (or self) carrying `data-id`, and its id. */
export function dataIdAt(target: EventTarget | null): { element: Element; id: string } | undefined {
    const element = target instanceof Element ? target.closest('[data-id]') : null;
    const id = element?.getAttribute('data-id');
    return element && id !== null && id !== undefined ? { element, id } : undefined;
}
