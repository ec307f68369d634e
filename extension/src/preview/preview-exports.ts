import * as vscode from 'vscode';
import type { PreviewPanel } from './preview-panel.js';

const PNG_PREFIX = 'data:image/png;base64,';

/** Saves what the preview exported (SVG text or a PNG data URL) where the user chooses, next to the model by default. */
export async function saveExport(panel: PreviewPanel, format: 'svg' | 'png', content: string): Promise<void> {
    if (format === 'png' && !content.startsWith(PNG_PREFIX)) return;
    const model = vscode.Uri.parse(panel.uri);
    const suggested = model.with({ path: model.path.replace(/\.tm$/, '') + `.${format}` });
    const target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] } });
    if (!target) return;
    const bytes = format === 'svg' ? new TextEncoder().encode(content) : Buffer.from(content.slice(PNG_PREFIX.length), 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Moat: saved ${vscode.workspace.asRelativePath(target)}.`);
}
