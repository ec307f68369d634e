import type { PreviewState } from './preview-messages.js';

type ViewName = NonNullable<PreviewState['view']>;

/** What the toolbar's controls do. */
export interface ToolbarActions {
    view(view: ViewName): void;
    direction(direction: 'LR' | 'TB'): void;
    openOnly(openOnly: boolean): void;
    fit(): void;
    zoom(factor: number): void;
    expandAll(): void;
    exportSvg(): void;
    exportPng(): void;
    copyMermaid(): void;
}

/** The toolbar and the three panes under it. */
export interface Toolbar {
    panes: Record<ViewName, HTMLElement>;
    show(view: ViewName): void;
    status(text: string): void;
}

const VIEWS: { view: ViewName; label: string }[] = [
    { view: 'dfd', label: 'Diagram' }, { view: 'trace', label: 'Traceability' }, { view: 'questions', label: 'Questions' }
];

/** Builds the toolbar (tabs, diagram controls, exports, a status line) and the panes. */
export function buildToolbar(root: HTMLElement, state: PreviewState, actions: ToolbarActions): Toolbar {
    const bar = element('div', 'toolbar');
    bar.setAttribute('role', 'toolbar');
    const tabs = VIEWS.map(({ view, label }) => button(label, () => actions.view(view), `tab tab-${view}`));
    const direction = element('select', 'direction') as HTMLSelectElement;
    direction.title = 'Direction of the flows';
    for (const [value, label] of [['LR', 'Left → right'], ['TB', 'Top → bottom']]) direction.append(new Option(label, value, false, (state.direction ?? 'LR') === value));
    direction.addEventListener('change', () => actions.direction(direction.value === 'TB' ? 'TB' : 'LR'));
    const filter = element('label', 'filter');
    const checkbox = element('input') as HTMLInputElement;
    checkbox.type = 'checkbox';
    checkbox.checked = state.openOnly ?? false;
    checkbox.addEventListener('change', () => actions.openOnly(checkbox.checked));
    filter.append(checkbox, document.createTextNode(' Open threats only'));
    const diagramControls = element('span', 'diagram-controls');
    diagramControls.append(
        button('Fit', actions.fit), button('+', () => actions.zoom(1.25), 'zoom-in', 'Zoom in'), button('−', () => actions.zoom(0.8), 'zoom-out', 'Zoom out'),
        direction, filter, button('Expand all', actions.expandAll, 'expand-all', 'Expand every collapsed boundary')
    );
    const exports = element('span', 'exports');
    exports.append(button('SVG', actions.exportSvg, 'export-svg', 'Save the picture as SVG'), button('PNG', actions.exportPng, 'export-png', 'Save the picture as PNG'),
        button('Copy Mermaid', actions.copyMermaid, 'copy-mermaid', 'Copy the picture as Mermaid'));
    const status = element('span', 'status');
    status.setAttribute('role', 'status');
    bar.append(...tabs, diagramControls, exports, status);
    const panes = Object.fromEntries(VIEWS.map(({ view }) => [view, element('div', `pane pane-${view}`)])) as Record<ViewName, HTMLElement>;
    root.append(bar, ...Object.values(panes));
    return {
        panes,
        show(view) {
            for (const { view: name } of VIEWS) {
                panes[name].hidden = name !== view;
                bar.querySelector(`.tab-${name}`)?.setAttribute('aria-pressed', String(name === view));
            }
            diagramControls.hidden = view !== 'dfd';
        },
        status(text) {
            status.textContent = text;
        }
    };
}

function element(tag: string, className = ''): HTMLElement {
    const node = document.createElement(tag);
    if (className) node.className = className;
    return node;
}

function button(label: string, action: () => void, className = '', title = label): HTMLButtonElement {
    const node = element('button', className) as HTMLButtonElement;
    node.type = 'button';
    node.textContent = label;
    node.title = title;
    node.addEventListener('click', action);
    return node;
}
