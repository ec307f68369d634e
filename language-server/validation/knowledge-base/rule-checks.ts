import type { ValidationAcceptor } from 'langium';
import type { KnowledgeBaseFile, Rule } from '../../generated/ast.js';
import { IssueCodes } from '../issue-codes.js';
import { reportIssue } from '../report.js';

/** A rule says what it applies to, its STRIDE categories and its severity. */
export function checkRuleComplete(rule: Rule, accept: ValidationAcceptor): void {
    const missing = [
        rule.subjects.length === 0 ? "'applies-to' (the rule is evaluated on nothing)" : undefined,
        rule.stride.length === 0 ? "'stride' (its threats would have no category)" : undefined,
        rule.severities.length === 0 ? "'severity' (its threats would default to medium)" : undefined
    ].filter(part => part !== undefined);
    if (missing.length === 0) return;
    reportIssue(accept, 'warning', IssueCodes.IncompleteRule, `Rule ${rule.name} has no ${missing.join(', no ')}.`, { node: rule, property: 'name' });
}

/**
 * Rule ids are unique: within a file, across the files of the same knowledge base (`others`, the
 * ids the knowledge base's other files declare), and — as a warning — against the built-in ones a
 * team's knowledge base would shadow when both are used.
 */
export function checkRuleIdsUnique(file: KnowledgeBaseFile, others: ReadonlySet<string>, builtin: ReadonlySet<string>, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const member of file.members) {
        if (member.$type !== 'Rule') continue;
        const rule = member as Rule;
        if (seen.has(rule.name) || others.has(rule.name)) {
            reportIssue(accept, 'error', IssueCodes.DuplicateRule, `Rule id ${rule.name} is declared more than once in knowledge base '${file.id}'.`, { node: rule, property: 'name' });
        } else if (builtin.has(rule.name)) {
            reportIssue(accept, 'warning', IssueCodes.DuplicateRule,
                `Rule id ${rule.name} is also a rule of the built-in knowledge base: where both are used, the one named first wins.`, { node: rule, property: 'name' });
        }
        seen.add(rule.name);
    }
}
