import * as vscode from 'vscode';
import type { PreviewData } from '../../../language-server/protocol.js';
import type { PreviewPanel } from './preview-panel.js';

/** Opens the declaration of an element, flow, boundary, story, threat or mitigation beside the preview and selects its name. */
export async function revealDeclaration(panel: PreviewPanel, id: string): Promise<void> {
    const location = panel.data && Object.hasOwn(panel.data.locations, id) ? panel.data.locations[id] : undefined;
    if (!location) return;
    const { start, end } = location.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === location.uri);
    const column = visible?.viewColumn ?? (panel.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { viewColumn: column, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * The declaration the cursor is in: the last one in that file starting at or before the cursor
 * (a declaration's block follows its name), or null when the cursor is before every declaration.
 */
export function declarationAt(data: PreviewData, uri: string, position: { line: number; character: number }): string | null | undefined {
    let best: { id: string; line: number; character: number } | undefined;
    let inFile = false;
    for (const [id, location] of Object.entries(data.locations)) {
        if (location.uri !== uri) continue;
        inFile = true;
        const { line, character } = location.range.start;
        const before = line < position.line || (line === position.line && character <= position.character);
        if (before && (!best || line > best.line || (line === best.line && character > best.character))) best = { id, line, character };
    }
    return inFile ? best?.id ?? null : undefined;
}
