import type { Analysis } from '../analysis-types.js';
import { isGiven } from '../stride-questions.js';
import { IssueCodes } from '../../validation/issue-codes.js';
import { strideInWords } from '../../model/stride.js';
import type { Finding } from './finding.js';

/** Derived threats the model does not address, at the level the model maps their severity to. */
export function unaddressedThreatFindings({ model, derivedThreats }: Analysis): Finding[] {
    // Threats of one rule share its category list: put each list in words once.
    const inWords = new Map<readonly string[], string>();
    const strideOf = (stride: readonly string[]) => inWords.get(stride) ?? inWords.set(stride, strideInWords(stride)).get(stride)!;
    return derivedThreats.filter(threat => threat.status === 'unaddressed').map(threat => ({
        code: IssueCodes.UnaddressedThreat,
        level: model.settings.diagnosticLevels[threat.severity],
        message: `${threat.label ?? threat.rule} (${strideOf(threat.stride)}, ${threat.severity}): derived threat ${threat.id} is not addressed. `
            + 'Adopt it with a threat, cover it with a mitigation, or mark it not applicable.',
        location: threat.location,
        data: { threat: threat.id, rule: threat.rule, subject: threat.subject },
        related: [{ location: threat.ruleLocation, message: `Rule ${threat.rule}${threat.explanation.length > 0 ? `: ${threat.explanation.join('; ')}` : ''}` }]
    }));
}

/**
 * One hint per element or flow with open STRIDE questions. A question with an answer slot still to
 * fill in (`answer spoofing ""`) is left to empty-answer.
 */
export function unansweredQuestionFindings({ questions, model }: Analysis): Finding[] {
    const slots = new Set([...model.elements, ...model.flows].flatMap(entity => entity.answers
        .filter(answer => !isGiven(answer)).map(answer => `${answer.category}@${entity.id}`)));
    const bySubject = new Map<string, typeof questions>();
    for (const question of questions) {
        // Empty answers are rare: skip building a key per question when there are none.
        if (question.status !== 'open' || (slots.size > 0 && slots.has(`${question.category}@${question.subject}`))) continue;
        const list = bySubject.get(question.subject);
        if (list) list.push(question);
        else bySubject.set(question.subject, [question]);
    }
    return [...bySubject.values()].map(open => {
        const categories = [...new Set(open.map(question => question.category))];
        return {
            code: IssueCodes.UnansweredQuestion,
            level: 'hint',
            message: `${open.length} STRIDE question${open.length === 1 ? '' : 's'} open on ${open[0].subject} (${strideInWords(categories)}): ${open[0].text}`,
            location: open[0].location,
            data: { subject: open[0].subject, subjectKind: open[0].subjectKind, categories, questions: open.map(question => question.id) }
        };
    });
}

/** Answers written but left empty (`answer spoofing ""`, as the quick fix leaves them): still to fill in. */
export function emptyAnswerFindings({ model }: Analysis): Finding[] {
    return [...model.elements, ...model.flows].flatMap(entity => entity.answers.filter(answer => !isGiven(answer)).map((answer): Finding => ({
        code: IssueCodes.EmptyAnswer, level: 'information', location: answer.location,
        message: `The ${answer.category.replace(/-/g, ' ')} answer on ${entity.id} is empty: say how the threat is handled, or answer not-applicable "why".`,
        data: { subject: entity.id, category: answer.category }
    })));
}
