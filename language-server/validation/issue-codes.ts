import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

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
    ImportNotFound: 'import-not-found',
    ImportCycle: 'import-cycle',
    UnknownKnowledgeBase: 'unknown-knowledge-base',
    UnknownRule: 'unknown-rule'
} as const;

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];

/**
 * The documentation of a code: docs/diagnostics.md of the installed package, opened at the code's
 * heading. The bundles live in `dist/`, so the docs are one folder up; in tests the module is in
 * `language-server/validation/`, two folders down.
 */
export function issueDocumentation(code: string): { href: string } {
    return { href: `${pathToFileURL(diagnosticsDocPath()).href}#${code}` };
}

function diagnosticsDocPath(): string {
    // __dirname: the bundle's folder in dist/, or this module's folder under vitest (which defines it).
    const here = __dirname;
    const root = path.basename(here) === 'dist' ? path.dirname(here) : path.resolve(here, '..', '..');
    return path.join(root, 'docs', 'diagnostics.md');
}
