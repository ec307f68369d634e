import type { PreviewData } from '../language-server/protocol.js';

/**
 * The messages between the preview webview and the extension, declared once. The webview never
 * talks to the language server: the extension relays. Messages arriving from the webview are
 * validated with `parseWebviewMessage` before use, since a webview is the less trusted side.
 */

/** Extension → webview. */
export type ToWebview =
    | { type: 'preview'; data: PreviewData }
    | { type: 'highlight'; id: string | null }
    | { type: 'unavailable'; reason: string };

/** Webview → extension. */
export type FromWebview =
    | { type: 'ready' }
    | { type: 'reveal'; id: string }
    | { type: 'openTicket'; ticket: string }
    | { type: 'save'; format: 'svg' | 'png'; content: string }
    | { type: 'copyMermaid'; view: 'dfd' | 'trace' }
    | { type: 'askQuestions'; subject?: string };

/** What the webview keeps across reloads (vscode.setState), also read by the panel serializer. */
export interface PreviewState {
    uri: string;
    view?: 'dfd' | 'trace' | 'questions';
    direction?: 'LR' | 'TB';
    openOnly?: boolean;
    collapsed?: string[];
    zoom?: { x: number; y: number; scale: number };
}

const MAX_ID = 2000;
const MAX_CONTENT = 50_000_000;

/** The message if it has one of the declared shapes, otherwise undefined. */
export function parseWebviewMessage(value: unknown): FromWebview | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const message = value as Record<string, unknown>;
    const text = (key: string, max: number) => typeof message[key] === 'string' && (message[key] as string).length <= max;
    switch (message.type) {
        case 'ready':
            return { type: 'ready' };
        case 'reveal':
            return text('id', MAX_ID) ? { type: 'reveal', id: message.id as string } : undefined;
        case 'openTicket':
            return text('ticket', MAX_ID) ? { type: 'openTicket', ticket: message.ticket as string } : undefined;
        case 'save':
            return (message.format === 'svg' || message.format === 'png') && text('content', MAX_CONTENT)
                ? { type: 'save', format: message.format, content: message.content as string } : undefined;
        case 'copyMermaid':
            return message.view === 'dfd' || message.view === 'trace' ? { type: 'copyMermaid', view: message.view } : undefined;
        case 'askQuestions':
            return message.subject === undefined || text('subject', MAX_ID) ? { type: 'askQuestions', subject: message.subject as string | undefined } : undefined;
        default:
            return undefined;
    }
}

/** The saved state if it has the declared shape (it comes back from the webview on reload). */
export function parsePreviewState(value: unknown): PreviewState | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const state = value as Record<string, unknown>;
    if (typeof state.uri !== 'string' || state.uri.length > MAX_ID) return undefined;
    return { uri: state.uri };
}
