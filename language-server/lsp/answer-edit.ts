import type { LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import { isAnswer, isElement, isFlow } from '../generated/ast.js';
import { insertClause } from '../editor/quick-fixes/block-edits.js';
import { findDeclaration } from '../editor/quick-fixes/declaration-lookup.js';
import { quoted } from '../editor/quick-fixes/quick-fix-context.js';

/** An answer to one STRIDE category of an element or flow, as the question prompt collects it. */
export interface AnswerInput {
    subject: string;
    category: string;
    text: string;
    notApplicable: boolean;
}

/**
 * The minimal edit that writes an answer into the subject's declaration: a blank `answer` of the
 * same category (left by the "answer the questions" quick fix) is filled in; otherwise one
 * `answer` clause is added to the subject's block in the block's own style. Undefined when the
 * subject is not an element or flow of this document.
 */
export function answerEdit(document: LangiumDocument, input: AnswerInput): TextEdit | undefined {
    const node = findDeclaration(document, input.subject);
    if (!(isElement(node) || isFlow(node))) return undefined;
    const clause = `answer ${input.category}${input.notApplicable ? ' not-applicable' : ''} ${quoted(input.text)}`;
    const blank = node.entries.find(entry => isAnswer(entry) && entry.category === input.category && !entry.notApplicable && !(entry.text ?? '').trim());
    if (blank?.$cstNode) {
        const { textDocument } = document;
        return { range: { start: textDocument.positionAt(blank.$cstNode.offset), end: textDocument.positionAt(blank.$cstNode.end) }, newText: clause };
    }
    return insertClause(document, node, clause);
}
