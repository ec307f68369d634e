import { htmlText } from '../report/text-escaping.js';
import { shorten } from './diagram-layout.js';
import { SEVERITY_COLOURS } from './diagram-types.js';
import { TRACE_COLUMNS, type TraceItem, type TraceView } from './trace-types.js';

const COLUMN_WIDTH = 230;
const COLUMN_GAP = 70;
const ROW_HEIGHT = 44;
const ROW_GAP = 10;
const HEADING = 30;
const MAX_TEXT = 32;

interface PlacedItem extends TraceItem { x: number; y: number }

/**
 * The traceability view as a standalone SVG: one column each for stories, threats, mitigations and
 * tickets, rows linked by curves, gaps drawn with a dashed warning border and their reason. Rows
 * carry `data-id` (their key) for the preview; every text is escaped, nothing is scripted.
 */
export function traceSvg(view: TraceView, title: string): string {
    const placed = new Map<string, PlacedItem>();
    TRACE_COLUMNS.forEach(({ column }, index) => {
        let row = 0;
        for (const item of view.columns[column]) {
            if (placed.has(item.key)) continue;
            placed.set(item.key, { ...item, x: index * (COLUMN_WIDTH + COLUMN_GAP), y: HEADING + row++ * (ROW_HEIGHT + ROW_GAP) });
        }
    });
    const rows = Math.max(1, ...TRACE_COLUMNS.map(({ column }) => view.columns[column].length));
    const width = TRACE_COLUMNS.length * COLUMN_WIDTH + (TRACE_COLUMNS.length - 1) * COLUMN_GAP + 24;
    const height = HEADING + rows * (ROW_HEIGHT + ROW_GAP) + 24;
    const parts = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="moat-trace" viewBox="-12 -12 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${htmlText(title)}" font-family="system-ui, sans-serif" font-size="12">`,
        `<title>${htmlText(title)}</title>`,
        ...TRACE_COLUMNS.map(({ heading }, index) => `<text class="heading" x="${index * (COLUMN_WIDTH + COLUMN_GAP)}" y="16" font-weight="700" fill="#263238">${heading}</text>`)
    ];
    for (const { from, to } of view.links) {
        const start = placed.get(from);
        const end = placed.get(to);
        if (!start || !end) continue;
        const [x1, y1, x2, y2] = [start.x + COLUMN_WIDTH, start.y + ROW_HEIGHT / 2, end.x, end.y + ROW_HEIGHT / 2];
        const middle = (x1 + x2) / 2;
        parts.push(`<path class="link" data-from="${htmlText(from)}" data-to="${htmlText(to)}" d="M${x1},${y1} C${middle},${y1} ${middle},${y2} ${x2},${y2}" fill="none" stroke="#78909c" stroke-width="1.2"/>`);
    }
    for (const item of placed.values()) parts.push(row(item));
    parts.push('</svg>');
    return parts.join('\n');
}

function row(item: PlacedItem): string {
    const border = item.gap ? ' stroke="#c62828" stroke-dasharray="5 3"' : ' stroke="#90a4ae"';
    const severity = item.severity ? `<rect class="severity severity-${item.severity}" x="${item.x}" y="${item.y}" width="5" height="${ROW_HEIGHT}" fill="${SEVERITY_COLOURS[item.severity]}"/>` : '';
    const second = item.gap ? `⚠ ${item.gap}` : item.detail;
    return `<g class="row${item.gap ? ' gap' : ''}" data-id="${htmlText(item.key)}"><title>${htmlText(item.gap ? `${item.label} — ${item.gap}` : item.label)}</title>`
        + `<rect class="shape" x="${item.x}" y="${item.y}" width="${COLUMN_WIDTH}" height="${ROW_HEIGHT}" rx="4" fill="#fafafa" stroke-width="1.2"${border}/>${severity}`
        + `<text class="label" x="${item.x + 10}" y="${item.y + 18}" fill="#212121">${htmlText(shorten(item.label, MAX_TEXT))}</text>`
        + (second ? `<text class="${item.gap ? 'gap-text' : 'detail'}" x="${item.x + 10}" y="${item.y + 34}" fill="${item.gap ? '#c62828' : '#607d8b'}" font-size="10">${htmlText(shorten(second, MAX_TEXT + 6))}</text>` : '')
        + '</g>';
}
