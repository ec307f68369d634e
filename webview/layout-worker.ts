import { layoutDiagram, type LayoutOptions } from '../language-server/render/diagram-layout.js';
import type { DiagramGraph } from '../language-server/render/diagram-types.js';

/** A layout job and its answer between the preview and this worker. */
export interface LayoutJob { id: number; graph: DiagramGraph; options: LayoutOptions }
export type LayoutAnswer = { id: number; diagram: Awaited<ReturnType<typeof layoutDiagram>> } | { id: number; error: string };

/**
 * The layout worker: ELK runs here so that the preview's UI never waits for it. ELK's bundle, when
 * it finds itself in a worker, takes over `self.onmessage` for its own worker protocol the first
 * time it lays out; so this worker listens with `addEventListener` and clears that handler after
 * every job (measured: without this, every job after the first went unanswered).
 */
const scope = self as unknown as {
    onmessage: unknown;
    addEventListener(type: 'message', listener: (event: MessageEvent<LayoutJob>) => void): void;
    postMessage(answer: LayoutAnswer): void;
};
scope.addEventListener('message', event => {
    const { id, graph, options } = event.data;
    layoutDiagram(graph, options).then(
        diagram => scope.postMessage({ id, diagram }),
        (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
    ).finally(() => {
        scope.onmessage = null;
    });
});
