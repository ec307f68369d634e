import * as vscode from 'vscode';
import type { StrideQuestion } from '../../../language-server/analysis/analysis-types.js';

/** What the champion chose for one question. */
export type PromptChoice =
    | { kind: 'answer'; text: string; notApplicable: boolean }
    | { kind: 'skip' }
    | { kind: 'back' }
    | { kind: 'stop' };

const CATEGORY_NAMES: Record<string, string> = {
    'spoofing': 'Spoofing', 'tampering': 'Tampering', 'repudiation': 'Repudiation', 'information-disclosure': 'Information disclosure',
    'denial-of-service': 'Denial of service', 'elevation-of-privilege': 'Elevation of privilege'
};

interface ChoiceItem extends vscode.QuickPickItem {
    choice: 'answer' | 'not-applicable' | 'skip' | 'back' | 'stop';
}

/** Asks one question: answer, not applicable (with a reason), skip, back or stop. Escape stops. */
export async function promptQuestion(question: StrideQuestion, position: number, total: number, canGoBack: boolean): Promise<PromptChoice> {
    const category = CATEGORY_NAMES[question.category] ?? question.category;
    const title = `Moat: STRIDE questions (${position}/${total}) · ${category} · ${question.subject}`;
    const items: ChoiceItem[] = [
        { label: '$(edit) Answer…', description: `write an answer ${question.category} into ${question.subject}`, choice: 'answer' },
        { label: '$(circle-slash) Not applicable…', description: 'with a reason', choice: 'not-applicable' },
        { label: '$(debug-step-over) Skip', description: 'ask the next question', choice: 'skip' },
        ...(canGoBack ? [{ label: '$(arrow-left) Back', description: 'the previous question', choice: 'back' as const }] : []),
        { label: '$(debug-stop) Stop', description: 'resume later from here', choice: 'stop' }
    ];
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: question.text, ignoreFocusOut: true, matchOnDescription: false });
    if (!picked || picked.choice === 'stop') return { kind: 'stop' };
    if (picked.choice === 'skip' || picked.choice === 'back') return { kind: picked.choice };
    const notApplicable = picked.choice === 'not-applicable';
    const text = await vscode.window.showInputBox({
        title,
        prompt: notApplicable ? `Why does "${question.text}" not apply?` : question.text,
        placeHolder: notApplicable ? 'The reason, for the reviewer' : 'Your answer: what the design does about it',
        ignoreFocusOut: true,
        validateInput: value => value.trim() === '' ? 'An answer needs some words; press Escape to go back to the choices.' : undefined
    });
    if (text === undefined) return promptQuestion(question, position, total, canGoBack);
    return { kind: 'answer', text: text.trim(), notApplicable };
}
