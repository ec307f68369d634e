import type { Analysis } from '../analysis/analysis-types.js';
import { mermaidDfd } from '../report/mermaid-dfd.js';
import { collapseBoundaries, initiallyCollapsed } from './collapse-boundaries.js';
import { diagramGraph } from './diagram-graph.js';
import { layoutDiagram } from './diagram-layout.js';
import { diagramSvg } from './diagram-svg.js';
import type { PictureOptions } from './render-picture-options.js';
import { traceMermaid } from './trace-mermaid.js';
import { traceSvg } from './trace-svg.js';
import { traceView } from './trace-view.js';

export type { PictureOptions } from './render-picture-options.js';

/**
 * The picture the preview shows, for `moat render` and the editor's Markdown preview: the DFD or
 * the traceability view, as SVG (the preview's own renderer) or as Mermaid (the text GitHub renders).
 */
export async function renderPicture(analysis: Analysis, options: PictureOptions): Promise<string> {
    const title = analysis.model.settings.label ?? analysis.model.settings.name ?? 'Threat model';
    if (options.view === 'trace') {
        const view = traceView(analysis.model);
        return options.format === 'svg' ? traceSvg(view, `${title}: traceability`) : traceMermaid(view);
    }
    if (options.format === 'mermaid') return mermaidDfd(analysis);
    const graph = diagramGraph(analysis);
    const collapsed = options.collapse === 'none' ? new Set<string>()
        : options.collapse === 'all' ? new Set(graph.boundaries.map(boundary => boundary.id)) : initiallyCollapsed(graph);
    return diagramSvg(await layoutDiagram(collapseBoundaries(graph, collapsed), { direction: options.direction }), title);
}
