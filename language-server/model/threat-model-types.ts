/**
 * The semantic model: a plain, serialisable description of one threat model (a `.tm` file and
 * everything it imports). It is built once per document build from the linked AST
 * (threat-model-builder.ts); every view — diagnostics, diagram, reports, diff — reads this, never
 * the AST. References between entities are by id (the declared name; unnamed flows are
 * `Source->Target`).
 */

/** A zero-based position, as in the Language Server Protocol. */
export interface Position {
    line: number;
    character: number;
}

/** Where an entity is declared: the document and the range of its name (or of the whole node). */
export interface SourceLocation {
    uri: string;
    range: { start: Position; end: Position };
}

export type ElementKind = 'actor' | 'external' | 'process' | 'datastore';
export type Subject = ElementKind | 'flow' | 'data' | 'boundary' | 'element';
export type StrideCategory =
    | 'spoofing' | 'tampering' | 'repudiation' | 'information-disclosure' | 'denial-of-service' | 'elevation-of-privilege';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type MitigationStatus = 'proposed' | 'planned' | 'in-progress' | 'done' | 'wont-do';
/** The levels an editor shows diagnostics at. */
export type DiagnosticLevel = 'error' | 'warning' | 'information' | 'hint';
/** Derived, never typed by hand: see threat-status.ts. */
export type ThreatStatus = 'open' | 'mitigated' | 'accepted' | 'not-applicable';

/** An attribute value after grouping a property block with the vocabulary. */
export type AttributeValue = boolean | number | string | string[];

/** A categorisation id: ASVS, CWE, CAPEC or ISO/IEC 27001:2022 Annex A. */
export interface Categorisation {
    scheme: 'asvs' | 'cwe' | 'capec' | 'iso';
    id: string;
}

/** An answer to a STRIDE question recorded on an element or flow. */
export interface Answer {
    category: StrideCategory;
    notApplicable: boolean;
    text?: string;
    location: SourceLocation;
}

/** What every named entity of the model has. */
export interface ModelEntity {
    id: string;
    label?: string;
    location: SourceLocation;
}

/** An actor, external system, process or data store. */
export interface ModelElement extends ModelEntity {
    kind: ElementKind;
    qualifiedName: string;
    /** Enclosing boundaries, outermost first; empty when the element is in no boundary. */
    boundaries: string[];
    attributes: Record<string, AttributeValue>;
    /** Data assets a data store stores. */
    stores: string[];
    /** Source globs the element stands for. */
    code: string[];
    answers: Answer[];
}

/** A trust boundary. */
export interface ModelBoundary extends ModelEntity {
    qualifiedName: string;
    /** The enclosing boundary, if nested. */
    parent?: string;
    attributes: Record<string, AttributeValue>;
}

/** A data flow between two elements. */
export interface ModelFlow extends ModelEntity {
    /** Whether the flow was given a name; unnamed flows have the id `Source->Target`. */
    named: boolean;
    source: string;
    target: string;
    bidirectional: boolean;
    carries: string[];
    /** Boundaries the flow crosses: those enclosing exactly one of its ends. */
    crosses: string[];
    attributes: Record<string, AttributeValue>;
    answers: Answer[];
}

/** A data asset. */
export interface DataAsset extends ModelEntity {
    attributes: Record<string, AttributeValue>;
}

/** Residual risk accepted by a named owner until a date, for a reason. */
export interface Acceptance {
    owner?: string;
    until?: string;
    reason?: string;
    expired: boolean;
}

/** A threat declared in the model. */
export interface ModelThreat extends ModelEntity {
    /** Elements or flows the threat is on. */
    targets: string[];
    /** Knowledge-base rules whose derived instances this threat adopts. */
    rules: string[];
    stride: StrideCategory[];
    impact?: Severity;
    likelihood?: Severity;
    /** Stated, or derived from impact and likelihood. */
    severity: Severity;
    categorisation: Categorisation[];
    mitigations: string[];
    events: string[];
    acceptance?: Acceptance;
    notApplicable?: { reason?: string };
    status: ThreatStatus;
    description?: string;
}

/** A mitigation: a control with a delivery status and tickets. */
export interface ModelMitigation extends ModelEntity {
    status: MitigationStatus;
    tickets: string[];
    /** The sprint the mitigation is planned for. */
    sprint?: string;
    /** Rules every derived instance of which this mitigation covers. */
    covers: string[];
    owner?: string;
    categorisation: Categorisation[];
    description?: string;
}

/** A detection event for the SOC. */
export interface DetectionEvent extends ModelEntity {
    source?: string;
    alerts: string[];
    runbooks: string[];
    description?: string;
}

/** A user story and the WITHOUT clauses that say what must not happen. */
export interface UserStory extends ModelEntity {
    withouts: string[];
    tickets: string[];
    sprint?: string;
    touches: string[];
    threats: string[];
    description?: string;
}

/** A security requirement. */
export interface SecurityRequirement extends ModelEntity {
    categorisation: Categorisation[];
    realizedBy: string[];
    description?: string;
}

/** The `model` header's settings, with defaults filled in. */
export interface ModelSettings {
    name?: string;
    label?: string;
    product?: string;
    owner?: string;
    knowledgeBases: string[];
    depth: 'top' | 'full';
    budget: Partial<Record<Severity, number>>;
    /** The diagnostic level each derived-threat severity is reported at. */
    diagnosticLevels: Record<Severity, DiagnosticLevel>;
    description?: string;
    /** Where the `model` declaration is, when there is one. */
    location?: SourceLocation;
}

/** One threat model: a document and everything it imports. */
export interface ThreatModel {
    /** The document the model was built for. */
    uri: string;
    /** Every document of the model, the root first, then its imports in resolution order. */
    files: string[];
    settings: ModelSettings;
    elements: ModelElement[];
    boundaries: ModelBoundary[];
    flows: ModelFlow[];
    data: DataAsset[];
    threats: ModelThreat[];
    mitigations: ModelMitigation[];
    events: DetectionEvent[];
    stories: UserStory[];
    requirements: SecurityRequirement[];
}
