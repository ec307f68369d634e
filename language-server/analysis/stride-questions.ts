import type { QuestionDeclaration } from '../knowledge/knowledge-base-types.js';
import type { Answer, StrideCategory } from '../model/threat-model-types.js';
import type { DerivedThreat, StrideQuestion, SubjectKind } from './analysis-types.js';
import { subjectKindOf, type EvalNode, type ModelIndex } from './model-index.js';
import { StrideQuestionRecord } from './stride-question-record.js';
import { fillTemplate } from './templates.js';

/**
 * The STRIDE questions of a model: every knowledge-base question asked of each element or flow of
 * its kinds, then each derived threat's rule questions. A question is answered by an `answer` of its
 * category on the subject that says something (or says `not-applicable`); a rule's question is also
 * settled once its derived threat is addressed. Rules on data or boundaries ask nothing: only
 * elements and flows can record answers.
 */
export function askQuestions(index: ModelIndex, declarations: readonly QuestionDeclaration[], derived: readonly DerivedThreat[]): StrideQuestion[] {
    const questions: StrideQuestion[] = [];
    const askedOf = questionsByKind(declarations);
    for (const nodes of [index.elements, index.flows]) {
        for (const node of nodes) {
            for (const { declaration, suffix } of askedOf(node)) {
                const id = `${declaration.category}@${node.entity.id}${suffix}`;
                questions.push(question(id, node, declaration.category, () => fillTemplate(declaration.text, node), answersOf(node)));
            }
        }
    }
    for (const threat of derived) {
        if (threat.subjectKind === 'data' || threat.subjectKind === 'boundary' || threat.stride.length === 0) continue;
        const node = index.node(threat.subject, threat.subjectKind === 'flow' ? 'flow' : 'element');
        if (!node) continue;
        threat.ruleQuestions.forEach((_template, position) => {
            const id = `${threat.id}${position > 0 ? `#${position + 1}` : ''}`;
            // The threat's own filled-in text: for a bidirectional flow it is read in the direction that matched.
            const asked = question(id, node, threat.stride[0], () => threat.questions[position], answersOf(node), threat.stride);
            asked.rule = threat.rule;
            if (asked.status === 'open' && threat.status !== 'unaddressed') asked.status = threat.status === 'not-applicable' ? 'not-applicable' : 'answered';
            questions.push(asked);
        });
    }
    return questions;
}

/** A knowledge-base question as asked of one kind of subject: the second of a category gets `#2` in its id, and so on. */
interface AskedQuestion {
    declaration: QuestionDeclaration;
    suffix: string;
}

/**
 * The questions asked of each kind of subject, worked out once per kind rather than per node: which
 * declarations apply and how each one's id is numbered depend only on the kind.
 */
function questionsByKind(declarations: readonly QuestionDeclaration[]): (node: EvalNode) => readonly AskedQuestion[] {
    const byKind = new Map<SubjectKind, AskedQuestion[]>();
    return node => {
        const kind = subjectKindOf(node);
        let asked = byKind.get(kind);
        if (!asked) {
            const seen = new Map<StrideCategory, number>();
            asked = [];
            for (const declaration of declarations) {
                if (!asks(declaration, node)) continue;
                const count = (seen.get(declaration.category) ?? 0) + 1;
                seen.set(declaration.category, count);
                asked.push({ declaration, suffix: count > 1 ? `#${count}` : '' });
            }
            byKind.set(kind, asked);
        }
        return asked;
    };
}

function asks(declaration: QuestionDeclaration, node: EvalNode): boolean {
    const kind = subjectKindOf(node);
    return declaration.subjects.some(subject => subject === kind || (subject === 'element' && node.type === 'element'));
}

/** An answer counts once it says something: `answer spoofing ""` is a slot still to fill in. */
export function isGiven(answer: Answer): boolean {
    return answer.notApplicable || (answer.text ?? '').trim() !== '';
}

function answersOf(node: EvalNode): readonly Answer[] {
    return node.type === 'element' || node.type === 'flow' ? node.entity.answers : [];
}

/** A question; its text is filled in when first read (a large model asks hundreds of thousands). */
function question(
    id: string, node: EvalNode, category: StrideCategory, textOf: () => string, answers: readonly Answer[], categories?: readonly StrideCategory[]
): StrideQuestion {
    const answer = answers.find(candidate => (categories ? categories.includes(candidate.category) : candidate.category === category) && isGiven(candidate));
    const status = answer ? (answer.notApplicable ? 'not-applicable' : 'answered') : 'open';
    return new StrideQuestionRecord(id, node.entity.id, subjectKindOf(node), category, textOf, status, answer?.text, node.entity.location);
}
