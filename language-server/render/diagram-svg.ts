import type { Severity } from '../model/threat-model-types.js';
import { htmlText } from '../report/text-escaping.js';
import type { PositionedDiagram } from './diagram-layout.js';

const SEVERITY_COLOURS: Record<Severity, string> = { critical: '#8b0000', high: '#d32f2f', medium: '#f57c00', low: '#fbc02d', info: '#9e9e9e' };
const MARGIN = 12;

/**
 * The laid-out DFD as a standalone SVG in DFD notation: actors and externals as rectangles
 * (externals with a double border), processes as circles, data stores as open rectangles,
 * boundaries as dashed containers, boundary-crossing flows thicker, threat badges coloured by the
 * worst open severity. Every text is escaped; the SVG has no script and no external reference.
 */
export function diagramSvg(diagram: PositionedDiagram, title: string): string {
    const width = Math.ceil(diagram.width + 2 * MARGIN);
    const height = Math.ceil(diagram.height + 2 * MARGIN);
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${-MARGIN} ${-MARGIN} ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${htmlText(title)}" font-family="system-ui, sans-serif" font-size="12">`,
        `<title>${htmlText(title)}</title>`,
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#37474f"/></marker></defs>'
    ];
    for (const boundary of diagram.boundaries) {
        parts.push(`<g class="boundary"><rect x="${boundary.x}" y="${boundary.y}" width="${boundary.width}" height="${boundary.height}" rx="8" fill="none" stroke="#b71c1c" stroke-width="1.5" stroke-dasharray="6 4"/>`
            + `<text x="${boundary.x + 10}" y="${boundary.y + 18}" fill="#b71c1c" font-weight="600">${htmlText(boundary.text)}</text></g>`);
    }
    for (const edge of diagram.edges) {
        if (edge.points.length < 2) continue;
        const colour = edge.severity ? SEVERITY_COLOURS[edge.severity] : '#37474f';
        const points = edge.points.map(point => `${round(point.x)},${round(point.y)}`).join(' ');
        parts.push(`<g class="flow"><polyline points="${points}" fill="none" stroke="${colour}" stroke-width="${edge.crossing ? 2.5 : 1.2}" marker-end="url(#arrow)"${edge.bidirectional ? ' marker-start="url(#arrow)"' : ''}/>`
            + (edge.labelBox ? `<text x="${round(edge.labelBox.x)}" y="${round(edge.labelBox.y + 10)}" fill="#263238" font-size="10">${htmlText(edge.text)}</text>` : '') + '</g>');
    }
    for (const node of diagram.nodes) {
        const { x, y, width: w, height: h } = node;
        const shape = node.kind === 'process'
            ? `<ellipse cx="${x + w / 2}" cy="${y + h / 2}" rx="${w / 2}" ry="${h / 2}" fill="#e8f5e9" stroke="#2e7d32" stroke-width="1.5"/>`
            : node.kind === 'datastore'
                ? `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#fff8e1" stroke="none"/><path d="M${x},${y} H${x + w} M${x},${y + h} H${x + w}" stroke="#f9a825" stroke-width="1.5"/>`
                : `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${node.kind === 'actor' ? '#e3f2fd' : '#eceff1'}" stroke="${node.kind === 'actor' ? '#1565c0' : '#455a64'}" stroke-width="1.5"/>`
                    + (node.kind === 'external' ? `<rect x="${x + 3}" y="${y + 3}" width="${w - 6}" height="${h - 6}" fill="none" stroke="#455a64"/>` : '');
        const badge = node.severity ? `<circle cx="${x + w - 4}" cy="${y + 4}" r="6" fill="${SEVERITY_COLOURS[node.severity]}"><title>worst open threat: ${node.severity}</title></circle>` : '';
        parts.push(`<g class="node ${node.kind}">${shape}<text x="${x + w / 2}" y="${y + h / 2 + 4}" text-anchor="middle" fill="#212121">${htmlText(node.text)}</text>${badge}</g>`);
    }
    parts.push('</svg>');
    return parts.join('\n');
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
