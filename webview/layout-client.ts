import type { LayoutOptions } from '../language-server/render/diagram-layout.js';
import type { DiagramGraph, PositionedDiagram } from '../language-server/render/diagram-types.js';
import type { LayoutAnswer, LayoutJob } from './layout-worker.js';

interface Pending {
    job: LayoutJob;
    resolve(diagram: PositionedDiagram | undefined): void;
    reject(error: Error): void;
}

/**
 * Lays diagrams out in a worker made from the bundled `layout-worker.js` (fetched and started from a
 * `blob:` URL, which is how a webview may start one), so the preview's UI never waits for ELK. Only
 * the newest job matters: older ones resolve undefined. Where no worker can run, the layout runs in
 * the page instead.
 */
export class LayoutClient {
    private worker: Promise<Worker | undefined> | undefined;
    private next = 0;
    private readonly waiting = new Map<number, Pending>();

    constructor(private readonly workerUrl: string) {}

    /** The layout of the graph, or undefined when a newer layout was asked for meanwhile. */
    async layout(graph: DiagramGraph, options: LayoutOptions): Promise<PositionedDiagram | undefined> {
        const job: LayoutJob = { id: ++this.next, graph, options };
        for (const [id, pending] of this.waiting) {
            pending.resolve(undefined);
            this.waiting.delete(id);
        }
        const worker = await (this.worker ??= this.start());
        if (job.id !== this.next) return undefined;
        if (!worker) return this.inPage(job);
        return new Promise((resolve, reject) => {
            this.waiting.set(job.id, { job, resolve, reject });
            worker.postMessage(job);
        });
    }

    private async inPage(job: LayoutJob): Promise<PositionedDiagram | undefined> {
        const { layoutDiagram } = await import('../language-server/render/diagram-layout.js');
        const diagram = await layoutDiagram(job.graph, job.options);
        return job.id === this.next ? diagram : undefined;
    }

    private async start(): Promise<Worker | undefined> {
        try {
            const source = await (await fetch(this.workerUrl)).text();
            const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
            worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
                const pending = this.waiting.get(event.data.id);
                if (!pending) return;
                this.waiting.delete(event.data.id);
                if ('error' in event.data) pending.reject(new Error(event.data.error));
                else pending.resolve(event.data.diagram);
            };
            // A worker that cannot run (a policy, an old engine): lay out in the page from now on.
            worker.onerror = () => {
                this.worker = Promise.resolve(undefined);
                for (const [id, pending] of this.waiting) {
                    this.waiting.delete(id);
                    this.inPage(pending.job).then(pending.resolve, pending.reject);
                }
            };
            return worker;
        } catch {
            return undefined;
        }
    }
}
