/**
 * The DFD as plain data, from the server to every renderer. Pure types with no imports, so the
 * webview (DOM, no Node), the CLI and the server all share them.
 */

/** What a node of the DFD is; the shape it is drawn with follows DFD notation. */
export type DiagramNodeKind = 'actor' | 'external' | 'process' | 'datastore' | 'boundary';

/** Threat severity, worst first. */
export type DiagramSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** A node of the DFD: an element (or a collapsed boundary), the boundary it sits in and its worst open threat. */
export interface DiagramNode {
    id: string;
    kind: DiagramNodeKind;
    label: string;
    boundary?: string;
    severity?: DiagramSeverity;
    /** Open threats on the node (for a collapsed boundary: on everything inside it). */
    openThreats?: number;
}

/** A trust boundary, drawn as a dashed container; `parent` when nested. */
export interface DiagramBoundary {
    id: string;
    label: string;
    parent?: string;
}

/** A flow: thick when it crosses a boundary, coloured by its worst open threat. */
export interface DiagramEdge {
    id: string;
    source: string;
    target: string;
    label: string;
    bidirectional: boolean;
    crossing: boolean;
    severity?: DiagramSeverity;
}

/** What the renderer draws: plain data, from the model and its analysis, no layout yet. */
export interface DiagramGraph {
    nodes: DiagramNode[];
    boundaries: DiagramBoundary[];
    edges: DiagramEdge[];
}

/** The direction flows run in the layout: left to right or top to bottom. */
export type DiagramDirection = 'LR' | 'TB';

/** A box in absolute coordinates. */
export interface Box { x: number; y: number; width: number; height: number }

/** The laid-out DFD: every node, boundary and edge with absolute coordinates and its shortened text. */
export interface PositionedDiagram {
    width: number;
    height: number;
    nodes: (DiagramNode & Box & { text: string })[];
    boundaries: (DiagramBoundary & Box & { text: string })[];
    edges: (DiagramEdge & { points: { x: number; y: number }[]; labelBox?: Box; text: string })[];
}

/** Colours of the worst open threat's severity, shared by the SVG and Mermaid pictures. */
export const SEVERITY_COLOURS: Readonly<Record<DiagramSeverity, string>> = {
    critical: '#8b0000', high: '#d32f2f', medium: '#f57c00', low: '#fbc02d', info: '#9e9e9e'
};
