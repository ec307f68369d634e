import type { DiagnosticLevel, SourceLocation } from '../../model/threat-model-types.js';
import type { IssueCode } from '../../validation/issue-codes.js';

/**
 * Something the analysis has to say about a model, located in one of its files. The language server
 * shows findings as diagnostics of that file; the CLI and reports read them directly.
 */
export interface Finding {
    code: IssueCode;
    level: DiagnosticLevel;
    message: string;
    location: SourceLocation;
    /** What quick fixes need: the derived threat, subject, categories… (see quick fixes). */
    data?: Record<string, unknown>;
    /** Where the rule or other declaration the finding is about lives. */
    related?: { location: SourceLocation; message: string }[];
}
