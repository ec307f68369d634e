import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationToken, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { MoatRequest } from '../../language-server/protocol.js';

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** One `textDocument/publishDiagnostics` notification, as far as the soak tests read it. */
export interface PublishedDiagnostics {
    uri: string;
    version?: number;
    diagnostics: { code?: string | number; message: string; range: { start: { line: number; character: number } } }[];
}

/** An LSP range edit, as VS Code sends in `didChange` (a change without a range replaces the text). */
export interface ContentChange {
    range?: { start: { line: number; character: number }; end: { line: number; character: number } };
    text: string;
}

/** The bundled language server (dist/server.cjs) as a plain LSP client sees it over stdio. */
export interface LspServer {
    readonly connection: MessageConnection;
    readonly pid: number;
    /** Every exit of the process, so a test can assert it never happened. */
    readonly exits: { code: number | null; signal: string | null }[];
    /** Error-level `window/logMessage`s: exceptions the server caught and logged (its console goes there too). */
    readonly loggedErrors: string[];
    open(uri: string, text: string, languageId?: string): Promise<void>;
    change(uri: string, version: number, changes: ContentChange[]): Promise<void>;
    close(uri: string): Promise<void>;
    request<P, R>(request: MoatRequest<P, R> | string, params: P, token?: CancellationToken): Promise<R>;
    /** The last diagnostics published for the document, if any. */
    published(uri: string): PublishedDiagnostics | undefined;
    /** How many times diagnostics were published for the document. */
    publishCount(uri: string): number;
    /** Resolves with the first publication (past or future) that satisfies `accept`, or rejects after `timeoutMs`. */
    diagnosticsWhere(uri: string, accept: (published: PublishedDiagnostics) => boolean, timeoutMs?: number): Promise<PublishedDiagnostics>;
    /** The server process's resident set size in MB, from /proc. */
    rssMb(): number;
    /** The server's V8 heap in use in MB right after a full garbage collection (needs `heapProbe`). */
    heapMb(): Promise<number>;
    stop(): Promise<void>;
}

/** A `file:` URI in a folder that does not exist: the document lives only in the editor, like an unsaved one. */
export function inMemoryUri(name: string): string {
    return pathToFileURL(path.join(os.tmpdir(), 'moat-soak-not-on-disk', name)).href;
}

/**
 * Spawns `node dist/server.cjs --stdio` and initializes it without workspace folders. With
 * `heapProbe`, a test-only preload (heap-probe.cjs) reports the heap over an IPC channel.
 */
export async function startServer({ heapProbe = false } = {}): Promise<LspServer> {
    const probe = heapProbe ? ['--expose-gc', '--require', path.join(__dirname, 'heap-probe.cjs')] : [];
    const child: ChildProcess = spawn(process.execPath, [...probe, path.join(REPO_ROOT, 'dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit', ...(heapProbe ? ['ipc' as const] : [])] });
    const exits: LspServer['exits'] = [];
    child.on('exit', (code, signal) => exits.push({ code, signal }));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const last = new Map<string, PublishedDiagnostics>();
    const counts = new Map<string, number>();
    const listeners = new Set<(published: PublishedDiagnostics) => void>();
    const loggedErrors: string[] = [];
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
        if (params.type === 1) loggedErrors.push(params.message);
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
        last.set(params.uri, params);
        counts.set(params.uri, (counts.get(params.uri) ?? 0) + 1);
        for (const listener of [...listeners]) listener(params);
    });
    // The server asks for configuration and registrations; a plain client answers with nothing.
    connection.onRequest(() => null);
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    await connection.sendNotification('initialized', {});
    return {
        connection,
        pid: child.pid!,
        exits,
        loggedErrors,
        open: (uri, text, languageId = uri.endsWith('.tmkb') ? 'moat-kb' : 'moat') =>
            connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }),
        change: (uri, version, contentChanges) => connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges }),
        close: uri => connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
        request: (request, params, token = CancellationToken.None) => connection.sendRequest(typeof request === 'string' ? request : request.method, params, token),
        published: uri => last.get(uri),
        publishCount: uri => counts.get(uri) ?? 0,
        diagnosticsWhere: (uri, accept, timeoutMs = 30000) => new Promise((resolve, reject) => {
            const current = last.get(uri);
            if (current && accept(current)) return resolve(current);
            const timer = setTimeout(() => {
                listeners.delete(listener);
                reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last.get(uri)?.diagnostics.map(each => each.code))}`));
            }, timeoutMs);
            const listener = (published: PublishedDiagnostics) => {
                if (published.uri !== uri || !accept(published)) return;
                clearTimeout(timer);
                listeners.delete(listener);
                resolve(published);
            };
            listeners.add(listener);
        }),
        rssMb: () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
        heapMb: () => new Promise(resolve => {
            child.once('message', (answer: { heapUsed: number }) => resolve(answer.heapUsed / 2 ** 20));
            child.send('heap');
        }),
        stop: async () => {
            connection.dispose();
            if (child.exitCode === null && child.signalCode === null) {
                const exited = new Promise(resolve => child.once('exit', resolve));
                child.kill();
                await exited;
            }
        }
    };
}

/** Resolves with `promise`, or rejects if it takes longer than `ms` (the message names what hung). */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
