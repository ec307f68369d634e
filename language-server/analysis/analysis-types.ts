import type {
    Categorisation, ElementKind, Severity, SourceLocation, StrideCategory, ThreatModel, ThreatStatus
} from '../model/threat-model-types.js';

/** What a rule can apply to: an element, a flow, a data asset or a boundary. */
export type SubjectKind = ElementKind | 'flow' | 'data' | 'boundary';

/** How a derived threat has been dealt with in the model; `unaddressed` is a diagnostic. */
export type DerivedThreatStatus = ThreatStatus | 'unaddressed';

/** What addresses a derived threat: a threat adopting it, a mitigation covering its rule, or answers. */
export interface Addressing {
    kind: 'threat' | 'mitigation' | 'answer';
    /** The adopting threat or covering mitigation; absent for answers. */
    id?: string;
}

/** A knowledge-base rule matching one element or flow: the threat `RULE@Subject`. */
export interface DerivedThreat {
    /** The stable id `RULE@Subject`, e.g. `WEB-TLS-01@Pay`. */
    id: string;
    rule: string;
    knowledgeBase: string;
    label?: string;
    subject: string;
    subjectKind: SubjectKind;
    severity: Severity;
    stride: StrideCategory[];
    categorisation: Categorisation[];
    mitigations: string[];
    /** The rule's questions with `{element}`, `{flow}`, `{source}`, `{target}` filled in. */
    readonly questions: string[];
    /** The rule's questions as written, with their placeholders. */
    readonly ruleQuestions: readonly string[];
    readonly events: string[];
    /** The parts of the rule's condition that held, with the values that made them hold. */
    readonly explanation: string[];
    /** Boundaries the subject (a flow) crosses. */
    crossedBoundaries: string[];
    status: DerivedThreatStatus;
    addressedBy?: Addressing;
    /** Where the subject is declared. */
    location: SourceLocation;
    /** Where the rule is declared. */
    ruleLocation: SourceLocation;
}

/** A STRIDE question asked of an element or flow, and whether the model answers it. */
export interface StrideQuestion {
    /** `category@Subject` for a knowledge base's per-kind questions, `RULE@Subject` for a rule's. */
    id: string;
    subject: string;
    subjectKind: SubjectKind;
    category: StrideCategory;
    readonly text: string;
    /** The rule that asks it, for rule questions. */
    rule?: string;
    status: 'open' | 'answered' | 'not-applicable';
    answer?: string;
    location: SourceLocation;
}

/** Everything the STRIDE engine says about a model. */
export interface Analysis {
    model: ThreatModel;
    derivedThreats: DerivedThreat[];
    questions: StrideQuestion[];
}
