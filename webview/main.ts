import { initiallyCollapsed } from '../language-server/render/collapse-boundaries.js';
import type { PreviewData } from '../language-server/protocol.js';
import { DfdView } from './dfd-view.js';
import { svgToPng } from './exports.js';
import { LayoutClient } from './layout-client.js';
import type { FromWebview, PreviewState, ToWebview } from './preview-messages.js';
import { QuestionsPanel } from './questions-panel.js';
import { buildToolbar, type Toolbar } from './toolbar.js';
import { TracePanel } from './trace-panel.js';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; getState(): PreviewState | undefined; setState(state: PreviewState): void };

/**
 * The preview page: a toolbar and three views of the model (the DFD, the traceability view and the
 * questions), drawn from the data the extension relays from the server. It keeps its settings,
 * view and collapsed boundaries in the webview state, so they survive updates and reloads.
 */
const vscode = acquireVsCodeApi();
const root = document.getElementById('moat-preview')!;
// The document goes into the state before anything else, not when its data first arrives: VS Code
// restores the panel after a window reload from the state it last saved, maybe before the server answered.
let state: PreviewState = { ...vscode.getState(), uri: root.dataset.uri ?? '' };
vscode.setState(state);
let data: PreviewData | undefined;
let collapsed: Set<string> | undefined = state.collapsed ? new Set(state.collapsed) : undefined;
const save = (change: Partial<PreviewState>) => vscode.setState(state = { ...state, ...change });

const toolbar: Toolbar = buildToolbar(root, state, {
    view: view => {
        save({ view });
        showView();
    },
    direction: direction => {
        save({ direction });
        void draw();
    },
    openOnly: openOnly => {
        save({ openOnly });
        void draw();
    },
    fit: () => dfd.panZoom.fit(),
    zoom: factor => dfd.panZoom.zoomBy(factor),
    expandAll: () => {
        collapsed = new Set();
        save({ collapsed: [] });
        void draw();
    },
    exportSvg: () => vscode.postMessage({ type: 'save', format: 'svg', content: currentSvg() }),
    exportPng: () => void svgToPng(currentSvg()).then(content => vscode.postMessage({ type: 'save', format: 'png', content })),
    copyMermaid: () => vscode.postMessage({ type: 'copyMermaid', view: state.view === 'trace' ? 'trace' : 'dfd' })
});
const reveal = (id: string) => vscode.postMessage(id.startsWith('ticket:') ? { type: 'openTicket', ticket: id.slice('ticket:'.length) } : { type: 'reveal', id });
const dfd = new DfdView(toolbar.panes.dfd, new LayoutClient(root.dataset.worker ?? ''), {
    select: reveal,
    expand: boundary => {
        collapsed?.delete(boundary);
        save({ collapsed: [...collapsed ?? []] });
        void draw();
    },
    viewChanged: zoom => save({ zoom }),
    drawn: timing => {
        // Read by the browser tests and the benchmark: when the first picture and the final one appeared.
        const body = document.body.dataset;
        if (timing.provisional) return;
        body.firstPictureMs = String(Math.round(timing.firstPicture));
        body.layoutMs = String(Math.round(timing.layout));
        body.renderMs = String(Math.round(timing.total));
        body.layoutReused = String(timing.reused);
        body.drawn = String(Number(body.drawn ?? 0) + 1);
    }
}, state.zoom);
const trace = new TracePanel(toolbar.panes.trace, reveal);
const questions = new QuestionsPanel(toolbar.panes.questions, { select: reveal, ask: subject => vscode.postMessage({ type: 'askQuestions', subject }) });

function currentSvg(): string {
    return state.view === 'trace' ? trace.svg() : dfd.svg();
}

function showView(): void {
    toolbar.show(state.view ?? 'dfd');
}

async function draw(): Promise<void> {
    if (!data) return;
    collapsed ??= initiallyCollapsed(data.diagram);
    toolbar.status(`${data.counts.elements} elements · ${data.counts.flows} flows · ${data.counts.openThreats} open threats · ${data.counts.openQuestions} open questions${collapsed.size > 0 ? ` · ${collapsed.size} boundaries collapsed` : ''}`);
    trace.show(data.trace, data.title);
    questions.show(data.questions);
    try {
        await dfd.show(data.diagram, { title: data.title, direction: state.direction ?? 'LR', openOnly: state.openOnly ?? false, collapsed });
    } catch (error) {
        // The previous picture stays; the status line says why it was not redrawn.
        toolbar.status(`The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
        console.error(error);
    }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    if (message.type === 'preview') {
        data = message.data;
        void draw();
    } else if (message.type === 'highlight') {
        dfd.highlight(message.id);
        trace.highlight(message.id);
        questions.highlight(message.id);
    } else if (message.type === 'unavailable') {
        toolbar.status(message.reason);
    }
});
showView();
vscode.postMessage({ type: 'ready' });
