import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { StrideQuestion } from '../../../language-server/analysis/analysis-types.js';
import { AnswerQuestionRequest, GetQuestionsRequest, type AnswerQuestionParams, type AnswerQuestionResult, type QuestionsResult } from '../../../language-server/protocol.js';
import { promptQuestion } from './question-prompt.js';

/** Where a walk through a document's questions stopped, per document, in the workspace state. */
const RESUME_KEY = 'moat.questions.resumeAt';

/**
 * "Moat: Ask STRIDE Questions": walks a champion element by element through a document's open
 * questions. Each answer is written into the model as one `answer` clause (a minimal edit made by
 * the server, applied as an ordinary edit the user can undo); the walk resumes where it stopped.
 */
export async function askQuestions(client: LanguageClient, state: vscode.Memento, uri: string, subject?: string): Promise<void> {
    const resume = state.get<Record<string, string>>(RESUME_KEY, {});
    let open = await openQuestions(client, uri);
    if (!open) {
        void vscode.window.showWarningMessage('Moat: the language server has no model for this file yet; try again in a moment.');
        return;
    }
    if (open.length === 0) {
        void vscode.window.showInformationMessage('Moat: every STRIDE question of this file is answered.');
        return;
    }
    const startAt = subject ?? resume[uri];
    let index = Math.max(0, open.findIndex(question => question.id === startAt || question.subject === startAt));
    const history: string[] = [];
    // The server may answer before it has rebuilt the edited file: what was answered here stays answered.
    const answered = new Set<string>();
    const stillOpen = (questions: StrideQuestion[]) => questions.filter(candidate => !answered.has(`${candidate.subject}|${candidate.category}`));
    while (index < open.length) {
        const question = open[index];
        const choice = await promptQuestion(question, index + 1, open.length, history.length > 0);
        if (choice.kind === 'stop') {
            await state.update(RESUME_KEY, { ...resume, [uri]: question.id });
            return;
        }
        if (choice.kind === 'back') {
            const previous = history.pop()!;
            index = Math.max(0, open.findIndex(candidate => candidate.id === previous));
            continue;
        }
        history.push(question.id);
        if (choice.kind === 'answer') {
            const written = await writeAnswer(client, uri, { uri, subject: question.subject, category: question.category, text: choice.text, notApplicable: choice.notApplicable });
            if (!written) return;
            // An answer may settle several questions of its category: ask the server again and go on after this one.
            answered.add(`${question.subject}|${question.category}`);
            const before = open.map(candidate => candidate.id);
            open = stillOpen(await openQuestions(client, uri) ?? []);
            index = nextAfter(open, before, index);
            continue;
        }
        index++;
    }
    await state.update(RESUME_KEY, { ...resume, [uri]: undefined });
    void vscode.window.showInformationMessage('Moat: that was the last open question of this file.');
}

/** The open questions of a document; undefined when the server has no model for it (not a file it has read). */
async function openQuestions(client: LanguageClient, uri: string): Promise<StrideQuestion[] | undefined> {
    const result = await client.sendRequest<QuestionsResult | null>(GetQuestionsRequest.method, { uri });
    return result?.questions.filter(question => question.status === 'open');
}

/** The index in `now` of the first question that came after position `index` in the list as it was. */
function nextAfter(now: readonly StrideQuestion[], before: readonly string[], index: number): number {
    for (const id of before.slice(index + 1)) {
        const found = now.findIndex(question => question.id === id);
        if (found >= 0) return found;
    }
    return now.length;
}

/** How long to wait for the server to catch up with the document before giving up on an answer. */
const CATCH_UP_ATTEMPTS = 30;
const CATCH_UP_DELAY_MS = 100;

/**
 * Writes one answer. The server computes the edit on its copy of the document; it is applied only
 * if that copy is the version in the editor, so an edit is never placed by stale offsets.
 */
async function writeAnswer(client: LanguageClient, uri: string, params: AnswerQuestionParams): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    for (let attempt = 0; attempt < CATCH_UP_ATTEMPTS; attempt++) {
        const result = await client.sendRequest<AnswerQuestionResult | null>(AnswerQuestionRequest.method, params);
        if (!result) {
            void vscode.window.showWarningMessage(`Moat: could not find ${params.subject} in ${vscode.workspace.asRelativePath(document.uri)} to write the answer.`);
            return false;
        }
        if (result.version === document.version) {
            const { range, newText } = result.edit;
            const edit = new vscode.WorkspaceEdit();
            edit.replace(document.uri, new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), newText);
            return vscode.workspace.applyEdit(edit);
        }
        await new Promise(resolve => setTimeout(resolve, CATCH_UP_DELAY_MS));
    }
    void vscode.window.showWarningMessage('Moat: the language server did not catch up with your edits; the answer was not written. Try again.');
    return false;
}
