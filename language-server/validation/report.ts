import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import { issueDocumentation, type IssueCode } from './issue-codes.js';

export type IssueSeverity = 'error' | 'warning' | 'info' | 'hint';

/** Reports a diagnostic with its stable code and a link to the code's documentation. */
export function reportIssue<N extends AstNode>(
    accept: ValidationAcceptor, severity: IssueSeverity, code: IssueCode, message: string, info: DiagnosticInfo<N>
): void {
    accept(severity, message, { ...info, code, codeDescription: issueDocumentation(code) });
}
