import * as vscode from 'vscode';
import type { ModelSummary } from '../../../language-server/protocol.js';
import { DOCUMENT_SELECTOR } from '../language-client.js';

/**
 * The language status item of `.tm` files: the model's open threats and questions, busy while the
 * server rebuilds; its command opens the preview.
 */
export class LanguageStatus implements vscode.Disposable {
    private readonly item = vscode.languages.createLanguageStatusItem('moat.status', DOCUMENT_SELECTOR.filter(selector => selector.language === 'moat'));
    private generation = 0;

    constructor(private readonly fetch: (uri: string) => Promise<ModelSummary | null>) {
        this.item.name = 'Moat';
        this.item.text = 'Moat';
        this.item.command = { title: 'Open preview', command: 'moat.openPreviewToSide' };
    }

    /** Recounts for the active editor's document. */
    async update(): Promise<void> {
        const editor = vscode.window.activeTextEditor;
        if (editor?.document.languageId !== 'moat') return;
        const generation = ++this.generation;
        this.item.busy = true;
        try {
            const data = await this.fetch(editor.document.uri.toString());
            if (generation !== this.generation || !data) return;
            const { openThreats, openQuestions, elements, flows } = data.counts;
            this.item.text = `$(shield) ${openThreats} open threat${openThreats === 1 ? '' : 's'} · ${openQuestions} question${openQuestions === 1 ? '' : 's'}`;
            this.item.detail = `${data.title}: ${elements} elements, ${flows} flows`;
            this.item.severity = openThreats > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
        } catch {
            // The server is restarting or the file went away: the next change recounts.
        } finally {
            if (generation === this.generation) this.item.busy = false;
        }
    }

    dispose(): void {
        this.item.dispose();
    }
}
