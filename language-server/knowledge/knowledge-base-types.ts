import type { Expression } from '../generated/ast.js';
import type { Categorisation, SourceLocation, StrideCategory, Severity, Subject } from '../model/threat-model-types.js';

/** The type of an attribute's value, from its `attribute name: type` declaration. */
export interface AttributeType {
    kind: 'boolean' | 'string' | 'number' | 'reference' | 'enum' | 'ordered' | 'list';
    /** Allowed values of an enum, ordered enum or constrained list, in declaration order. */
    values: string[];
}

/** One attribute of the vocabulary a knowledge base declares. */
export interface AttributeDeclaration {
    name: string;
    type: AttributeType;
    /** The kinds the attribute applies to; empty means every kind. */
    subjects: Subject[];
    label?: string;
    knowledgeBase: string;
}

/** A STRIDE question asked of every element of the given kinds; `{element}` is replaced by a name. */
export interface QuestionDeclaration {
    category: StrideCategory;
    subjects: Subject[];
    text: string;
    knowledgeBase: string;
}

/** A threat rule; its condition is kept as the parsed expression and interpreted by the engine. */
export interface RuleDeclaration {
    id: string;
    label?: string;
    subjects: Subject[];
    conditions: Expression[];
    stride: StrideCategory[];
    severity?: Severity;
    top: boolean;
    categorisation: Categorisation[];
    mitigations: string[];
    questions: string[];
    events: string[];
    description?: string;
    knowledgeBase: string;
    location: SourceLocation;
}

/** A loaded knowledge base. */
export interface KnowledgeBase {
    id: string;
    version?: string;
    label?: string;
    attributes: AttributeDeclaration[];
    questions: QuestionDeclaration[];
    rules: RuleDeclaration[];
}

/** The union of the knowledge bases a model uses, indexed for look-ups. */
export interface Vocabulary {
    attributes: ReadonlyMap<string, AttributeDeclaration>;
    rules: ReadonlyMap<string, RuleDeclaration>;
    questions: readonly QuestionDeclaration[];
    knowledgeBases: readonly KnowledgeBase[];
}
