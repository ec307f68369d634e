import type { StrideCategory } from '../../model/threat-model-types.js';
import type { Analysis, StrideQuestion } from '../analysis-types.js';
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
 * fill in (`answer spoofing ""`) is left to empty-answer. Every element and flow is asked, so this
 * runs over every question on every rebuild: it groups them with no intermediate copies and puts
 * each set of categories in words once.
 */
export function unansweredQuestionFindings({ questions, model }: Analysis): Finding[] {
    const slots = emptyAnswerSlots(model);
    const bySubject = new Map<string, StrideQuestion[]>();
    for (const question of questions) {
        // Empty answers are rare: skip building a key per question when there are none.
        if (question.status !== 'open' || (slots.size > 0 && slots.has(`${question.category}@${question.subject}`))) continue;
        const list = bySubject.get(question.subject);
        if (list) list.push(question);
        else bySubject.set(question.subject, [question]);
    }
    const inWords = new Map<string, string>();
    const findings: Finding[] = [];
    for (const open of bySubject.values()) {
        const categories: StrideCategory[] = [];
        const ids: string[] = [];
        for (const question of open) {
            if (!categories.includes(question.category)) categories.push(question.category);
            ids.push(question.id);
        }
        const key = categories.join(' ');
        let words = inWords.get(key);
        if (words === undefined) inWords.set(key, words = strideInWords(categories));
        const first = open[0];
        findings.push({
            code: IssueCodes.UnansweredQuestion,
            level: 'hint',
            message: `${open.length} STRIDE question${open.length === 1 ? '' : 's'} open on ${first.subject} (${words}): ${first.text}`,
            location: first.location,
            data: { subject: first.subject, subjectKind: first.subjectKind, categories, questions: ids }
        });
    }
    return findings;
}

/** Answers written but left empty (`answer spoofing ""`, as the quick fix leaves them): still to fill in. */
export function emptyAnswerFindings({ model }: Analysis): Finding[] {
    const findings: Finding[] = [];
    for (const entities of [model.elements, model.flows]) {
        for (const entity of entities) {
            for (const answer of entity.answers) {
                if (isGiven(answer)) continue;
                findings.push({
                    code: IssueCodes.EmptyAnswer, level: 'information', location: answer.location,
                    message: `The ${answer.category.replace(/-/g, ' ')} answer on ${entity.id} is empty: say how the threat is handled, or answer not-applicable "why".`,
                    data: { subject: entity.id, category: answer.category }
                });
            }
        }
    }
    return findings;
}

/** `category@Subject` of every answer left empty. */
function emptyAnswerSlots(model: Analysis['model']): Set<string> {
    const slots = new Set<string>();
    for (const entities of [model.elements, model.flows]) {
        for (const entity of entities) for (const answer of entity.answers) if (!isGiven(answer)) slots.add(`${answer.category}@${entity.id}`);
    }
    return slots;
}
