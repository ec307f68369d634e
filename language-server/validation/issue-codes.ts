import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../workspace/package-root.js';

/**
 * Every diagnostic Moat reports carries one of these codes; each has an entry in
 * docs/diagnostics.md under a heading of the same name. Codes are a contract: quick fixes, CI
 * filters and users' suppressions rely on them, so never rename one.
 */
export const IssueCodes = {
    /** Langium's own codes for text that does not lex, parse or link. */
    LexingError: 'lexing-error',
    ParsingError: 'parsing-error',
    LinkingError: 'linking-error',
    DuplicateName: 'duplicate-name',
    SelfFlow: 'self-flow',
    IsolatedElement: 'isolated-element',
    FlowWithoutProcess: 'flow-without-process',
    EmptyBoundary: 'empty-boundary',
    UnknownProperty: 'unknown-property',
    InvalidPropertyValue: 'invalid-property-value',
    DuplicateProperty: 'duplicate-property',
    MisplacedProperty: 'misplaced-property',
    DuplicateSetting: 'duplicate-setting',
    DuplicateModel: 'duplicate-model',
    ThreatWithoutTarget: 'threat-without-target',
    IncompleteAcceptance: 'incomplete-acceptance',
    ExpiredAcceptance: 'expired-acceptance',
    WontDoMitigation: 'wont-do-mitigation',
    TooManyDiagnostics: 'too-many-diagnostics',
    ImportNotFound: 'import-not-found',
    ImportCycle: 'import-cycle',
    UnknownKnowledgeBase: 'unknown-knowledge-base',
    UnknownRule: 'unknown-rule',
    /** The STRIDE analysis. */
    UnaddressedThreat: 'unaddressed-threat',
    UnansweredQuestion: 'unanswered-question',
    EmptyAnswer: 'empty-answer',
    UnmitigatedThreat: 'unmitigated-threat',
    MitigationWithoutTicket: 'mitigation-without-ticket',
    MissingWithoutClause: 'missing-without-clause',
    UnlinkedWithoutClause: 'unlinked-without-clause',
    UnmotivatedThreat: 'unmotivated-threat',
    UnrealizedRequirement: 'unrealized-requirement',
    UnplannedMitigation: 'unplanned-mitigation',
    UndetectedThreat: 'undetected-threat',
    BudgetExceeded: 'budget-exceeded',
    /** Categorisation ids checked against the shipped catalogues (both languages). */
    UnknownCategorisation: 'unknown-categorisation',
    DeprecatedCwe: 'deprecated-cwe',
    /** The knowledge-base language. */
    DuplicateRule: 'duplicate-rule',
    IncompleteRule: 'incomplete-rule',
    UnknownAttribute: 'unknown-attribute',
    UnsatisfiableCondition: 'unsatisfiable-condition'
} as const;

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];

/** The documentation of a code: docs/diagnostics.md of the installed package, opened at the code's heading. */
export function issueDocumentation(code: string): { href: string } {
    let link = documentationLinks.get(code);
    if (!link) {
        link = Object.freeze({ href: `${pathToFileURL(diagnosticsDocPath()).href}#${code}` });
        documentationLinks.set(code, link);
    }
    return link;
}

/** One link object per code, shared by all its diagnostics (a large model has tens of thousands). */
const documentationLinks = new Map<string, { href: string }>();

function diagnosticsDocPath(): string {
    return path.join(packageRoot(), 'docs', 'diagnostics.md');
}
