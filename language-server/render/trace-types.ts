/**
 * The traceability view as plain data: stories → threats → mitigations → tickets, with links and
 * gaps. Pure types with no imports, shared by the server, the CLI and the webview.
 */

/** The four columns, left to right. */
export type TraceColumn = 'stories' | 'threats' | 'mitigations' | 'tickets';

/** One row of a column. `key` is unique in the view (`ticket:` prefixes tickets, which are not declarations). */
export interface TraceItem {
    key: string;
    label: string;
    /** A short second line: a status, a severity, a sprint. */
    detail?: string;
    /** Why the row is a traceability gap, when it is one. */
    gap?: string;
    /** Severity of an open threat, for its colour. */
    severity?: 'critical' | 'high' | 'medium' | 'low' | 'info';
}

/** The traceability view of a model. */
export interface TraceView {
    columns: Record<TraceColumn, TraceItem[]>;
    /** Links from a row to a row of the next column, by key. */
    links: { from: string; to: string }[];
}

/** The columns in drawing order, with their headings. */
export const TRACE_COLUMNS: readonly { column: TraceColumn; heading: string }[] = [
    { column: 'stories', heading: 'Stories' },
    { column: 'threats', heading: 'Threats' },
    { column: 'mitigations', heading: 'Mitigations' },
    { column: 'tickets', heading: 'Tickets' }
];
