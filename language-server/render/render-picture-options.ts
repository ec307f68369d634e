import type { DiagramDirection } from './diagram-types.js';

/** Which picture of a model, in which format: `moat render`'s options and the preview's requests. */
export interface PictureOptions {
    format: 'svg' | 'mermaid';
    view: 'dfd' | 'trace';
    direction?: DiagramDirection;
    /** `auto` collapses every boundary of a large DFD, as the preview does; SVG only. */
    collapse?: 'auto' | 'all' | 'none';
}
