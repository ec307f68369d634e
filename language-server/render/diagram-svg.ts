import { htmlText } from '../report/text-escaping.js';
import { SEVERITY_COLOURS, type PositionedDiagram } from './diagram-types.js';

const MARGIN = 12;
type PositionedNode = PositionedDiagram['nodes'][number];

/**
 * The laid-out DFD as a standalone SVG in DFD notation: actors and externals as rectangles
 * (externals with a double border), processes as circles, data stores as open rectangles,
 * boundaries as dashed containers (a collapsed one as a dashed box marked ⊞), boundary-crossing
 * flows thicker, threat badges coloured by the worst open severity. Colours are presentation
 * attributes, so the file stands alone, and every shape has a class, so the preview restyles it
 * from the editor theme. Each element, flow and boundary carries `data-id` for the preview's
 * interaction. Every text is escaped; the SVG has no script and no external reference.
 */
export function diagramSvg(diagram: PositionedDiagram, title: string): string {
    const width = Math.ceil(diagram.width + 2 * MARGIN);
    const height = Math.ceil(diagram.height + 2 * MARGIN);
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="moat-dfd" viewBox="${-MARGIN} ${-MARGIN} ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${htmlText(title)}" font-family="system-ui, sans-serif" font-size="12">`,
        `<title>${htmlText(title)}</title>`,
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-head" d="M0,0 L10,5 L0,10 z" fill="#37474f"/></marker></defs>'
    ];
    for (const boundary of diagram.boundaries) {
        parts.push(`<g class="boundary" data-id="${htmlText(boundary.id)}"><title>${htmlText(boundary.label)}</title>`
            + `<rect x="${boundary.x}" y="${boundary.y}" width="${boundary.width}" height="${boundary.height}" rx="8" fill="none" stroke="#b71c1c" stroke-width="1.5" stroke-dasharray="6 4"/>`
            + `<text x="${boundary.x + 10}" y="${boundary.y + 18}" fill="#b71c1c" font-weight="600">${htmlText(boundary.text)}</text></g>`);
    }
    for (const edge of diagram.edges) {
        if (edge.points.length < 2) continue;
        const colour = edge.severity ? SEVERITY_COLOURS[edge.severity] : '#37474f';
        const points = edge.points.map(point => `${round(point.x)},${round(point.y)}`).join(' ');
        const classes = ['flow', edge.crossing ? 'crossing' : '', edge.severity ? `severity-${edge.severity}` : ''].filter(Boolean).join(' ');
        parts.push(`<g class="${classes}" data-id="${htmlText(edge.id)}"><title>${htmlText(edge.label)}</title>`
            + `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="${edge.crossing ? 2.5 : 1.2}" marker-end="url(#arrow)"${edge.bidirectional ? ' marker-start="url(#arrow)"' : ''}/>`
            + (edge.labelBox ? `<text x="${round(edge.labelBox.x)}" y="${round(edge.labelBox.y + 10)}" fill="#263238" font-size="10">${htmlText(edge.text)}</text>` : '') + '</g>');
    }
    for (const node of diagram.nodes) {
        const { x, y, width: w, height: h } = node;
        const badge = node.severity
            ? `<circle class="badge severity-${node.severity}" cx="${x + w - 4}" cy="${y + 4}" r="6" fill="${SEVERITY_COLOURS[node.severity]}"><title>${node.openThreats ?? 1} open threat(s), worst: ${node.severity}</title></circle>`
            : '';
        parts.push(`<g class="node ${node.kind}" data-id="${htmlText(node.id)}"><title>${htmlText(node.label)}</title>${shape(node)}`
            + `<text x="${x + w / 2}" y="${y + h / 2 + 4}" text-anchor="middle" fill="#212121">${htmlText(node.kind === 'boundary' ? `⊞ ${node.text}` : node.text)}</text>${badge}</g>`);
    }
    parts.push('</svg>');
    return parts.join('\n');
}

/** The DFD-notation shape of a node. */
function shape(node: PositionedNode): string {
    const { x, y, width: w, height: h } = node;
    switch (node.kind) {
        case 'process':
            return `<ellipse class="shape" cx="${x + w / 2}" cy="${y + h / 2}" rx="${w / 2}" ry="${h / 2}" fill="#e8f5e9" stroke="#2e7d32" stroke-width="1.5"/>`;
        case 'datastore':
            return `<rect class="shape fill" x="${x}" y="${y}" width="${w}" height="${h}" fill="#fff8e1" stroke="none"/><path class="shape" d="M${x},${y} H${x + w} M${x},${y + h} H${x + w}" fill="none" stroke="#f9a825" stroke-width="1.5"/>`;
        case 'boundary':
            return `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="#ffffff" stroke="#b71c1c" stroke-width="1.5" stroke-dasharray="6 4"/>`;
        case 'external':
            return `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" fill="#eceff1" stroke="#455a64" stroke-width="1.5"/><rect class="shape inner" x="${x + 3}" y="${y + 3}" width="${w - 6}" height="${h - 6}" fill="none" stroke="#455a64"/>`;
        default:
            return `<rect class="shape" x="${x}" y="${y}" width="${w}" height="${h}" fill="#e3f2fd" stroke="#1565c0" stroke-width="1.5"/>`;
    }
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
