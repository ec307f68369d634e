import type { Categorisation, Severity, SourceLocation, StrideCategory } from '../model/threat-model-types.js';
import type { Addressing, DerivedThreat, DerivedThreatStatus, SubjectKind } from './analysis-types.js';
import { subjectKindOf, type EvalNode, type ModelIndex } from './model-index.js';
import type { CompiledRule } from './rule-engine.js';
import { fillTemplate } from './templates.js';

/**
 * A derived threat. What it shares with its rule is read from the rule, and its explanation and
 * filled-in questions and events are computed when first read: a large model derives tens of
 * thousands of threats, most only ever counted or reported by id. `toJSON` gives the plain data.
 */
export class DerivedThreatRecord implements DerivedThreat {
    readonly id: string;
    readonly subject: string;
    readonly subjectKind: SubjectKind;
    status: DerivedThreatStatus = 'unaddressed';
    addressedBy: Addressing | undefined = undefined;
    private cachedExplanation: string[] | undefined = undefined;
    private cachedQuestions: string[] | undefined = undefined;

    constructor(
        /** The rule that matched. */
        readonly compiled: CompiledRule,
        /** The reading of the subject the rule matched (for a bidirectional flow, possibly the reversed one). */
        readonly node: EvalNode,
        private readonly index: ModelIndex
    ) {
        this.subject = node.entity.id;
        this.id = `${compiled.rule.id}@${this.subject}`;
        this.subjectKind = subjectKindOf(node);
    }

    /**
     * The same match on the subject's node in a new index, when nothing the rule reads has changed:
     * its explanation and questions, if already worked out, are still true and are kept.
     */
    carriedOver(subject: EvalNode, index: ModelIndex): DerivedThreatRecord {
        const record = new DerivedThreatRecord(this.compiled, this.node.reversed ? subject.orientations[1] : subject, index);
        record.cachedExplanation = this.cachedExplanation;
        record.cachedQuestions = this.cachedQuestions;
        return record;
    }

    get rule(): string { return this.compiled.rule.id; }
    get knowledgeBase(): string { return this.compiled.rule.knowledgeBase; }
    get label(): string | undefined { return this.compiled.rule.label; }
    get severity(): Severity { return this.compiled.rule.severity ?? 'medium'; }
    get stride(): StrideCategory[] { return this.compiled.rule.stride; }
    get categorisation(): Categorisation[] { return this.compiled.rule.categorisation; }
    get mitigations(): string[] { return this.compiled.rule.mitigations; }
    get ruleQuestions(): readonly string[] { return this.compiled.rule.questions; }
    get crossedBoundaries(): string[] { return this.node.type === 'flow' ? this.node.entity.crosses : []; }
    get location(): SourceLocation { return this.node.entity.location; }
    get ruleLocation(): SourceLocation { return this.compiled.rule.location; }

    get questions(): string[] {
        return this.cachedQuestions ??= this.compiled.rule.questions.map(question => fillTemplate(question, this.node));
    }

    get events(): string[] {
        return this.compiled.rule.events.map(event => fillTemplate(event, this.node));
    }

    get explanation(): string[] {
        if (!this.cachedExplanation) {
            const explanation: string[] = [];
            if (this.node.type === 'flow' && this.node.reversed) explanation.push(`read from ${this.node.entity.target} to ${this.node.entity.source}`);
            for (const condition of this.compiled.conjuncts.written) condition.explain(this.node, this.index, explanation);
            this.cachedExplanation = explanation;
        }
        return this.cachedExplanation;
    }

    toJSON(): DerivedThreat {
        return {
            id: this.id, rule: this.rule, knowledgeBase: this.knowledgeBase, label: this.label, subject: this.subject, subjectKind: this.subjectKind,
            severity: this.severity, stride: this.stride, categorisation: this.categorisation, mitigations: this.mitigations,
            ruleQuestions: this.ruleQuestions, questions: this.questions, events: this.events, explanation: this.explanation,
            crossedBoundaries: this.crossedBoundaries, status: this.status, addressedBy: this.addressedBy,
            location: this.location, ruleLocation: this.ruleLocation
        };
    }
}
