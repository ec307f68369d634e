import * as vscode from 'vscode';
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
