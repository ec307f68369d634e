import type { SourceLocation, StrideCategory } from '../model/threat-model-types.js';
import type { StrideQuestion, SubjectKind } from './analysis-types.js';

/**
 * A STRIDE question whose text is filled in when first read: a large model asks hundreds of
 * thousands. A class rather than an object literal with a `text` getter: V8 creates such literals
 * on a slow path (about fifteen times slower here), and a rebuild creates one per element, flow
 * and rule question. `text` lives on the prototype, so `toJSON` and `questionFields` give the
 * plain data, with the keys in the order the literal had.
 */
export class StrideQuestionRecord implements StrideQuestion {
    /** Set on the questions of rules only (no `rule` key otherwise, as before). */
    declare rule?: string;
    #textOf: (() => string) | undefined;
    #text: string | undefined;

    constructor(
        readonly id: string,
        readonly subject: string,
        readonly subjectKind: SubjectKind,
        readonly category: StrideCategory,
        textOf: () => string,
        public status: StrideQuestion['status'],
        readonly answer: string | undefined,
        readonly location: SourceLocation
    ) {
        this.#textOf = textOf;
    }

    get text(): string {
        if (this.#text === undefined) {
            this.#text = this.#textOf!();
            this.#textOf = undefined;
        }
        return this.#text;
    }

    toJSON(): StrideQuestion {
        return questionFields(this);
    }
}

/** A question as a plain object: id, subject, subjectKind, category, text, status, answer, location and (for rules) rule. */
export function questionFields(question: StrideQuestion): StrideQuestion {
    const { id, subject, subjectKind, category, text, status, answer, location } = question;
    const fields: StrideQuestion = { id, subject, subjectKind, category, text, status, answer, location };
    if ('rule' in question) fields.rule = question.rule;
    return fields;
}
