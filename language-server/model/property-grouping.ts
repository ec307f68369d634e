import type { AstNode } from 'langium';
import { isListTerm, isNumberTerm, isStringTerm, isWordTerm, type ListItem, type PropertyEntry, type Term } from '../generated/ast.js';
import type { AttributeDeclaration, Vocabulary } from '../knowledge/knowledge-base-types.js';
import { IssueCodes } from '../validation/issue-codes.js';
import type { AttributeValue, Subject } from './threat-model-types.js';

/** A problem found while grouping a property block, reported by the property checks. */
export interface PropertyProblem {
    code: string;
    message: string;
    severity: 'error' | 'warning';
    node: AstNode;
}

/** The attributes of one property block, and what was wrong with it. */
export interface GroupedProperties {
    attributes: Record<string, AttributeValue>;
    problems: PropertyProblem[];
}

const TERM_TYPES = new Set(['WordTerm', 'StringTerm', 'NumberTerm', 'DateTerm', 'ListTerm']);
const isTerm = (entry: PropertyEntry): entry is Term => TERM_TYPES.has(entry.$type);

/**
 * Groups the flat terms of a property block into attributes, reading the vocabulary: a boolean
 * takes no value (or an explicit `true`/`false`), an enum, string, number or reference takes the
 * next term, a list takes a bracketed list. An unknown word takes the next term only when that term
 * cannot be an attribute name (a string, number, date or list), so `color "red"` and `flag1 flag2`
 * both group as a reader would expect. The result is shared with later calls: do not modify it.
 */
export function groupProperties(entries: readonly PropertyEntry[], subject: Subject, vocabulary: Vocabulary): GroupedProperties {
    const cached = grouped.get(entries);
    if (cached && cached.subject === subject && cached.vocabulary === vocabulary) return cached.result;
    const result = groupTerms(entries, subject, vocabulary);
    grouped.set(entries, { subject, vocabulary, result });
    return result;
}

/**
 * Grouped blocks by the AST's entry list. The model builder and the property checks both group
 * every block on each rebuild, and a block not re-parsed keeps its list: grouping depends only on
 * the terms, the subject and the vocabulary, so each is grouped once. Results are shared: read only.
 */
const grouped = new WeakMap<readonly PropertyEntry[], { subject: Subject; vocabulary: Vocabulary; result: GroupedProperties }>();

function groupTerms(entries: readonly PropertyEntry[], subject: Subject, vocabulary: Vocabulary): GroupedProperties {
    const result: GroupedProperties = { attributes: {}, problems: [] };
    const terms = entries.filter(isTerm);
    let index = 0;
    while (index < terms.length) {
        index = groupOne(terms, index, subject, vocabulary, result);
    }
    return result;
}

function groupOne(terms: Term[], index: number, subject: Subject, vocabulary: Vocabulary, result: GroupedProperties): number {
    const term = terms[index];
    if (!isWordTerm(term)) {
        report(result, IssueCodes.UnknownProperty, 'This value has no attribute name before it.', 'warning', term);
        return index + 1;
    }
    const name = term.word;
    const declaration = vocabulary.attributes.get(name);
    const next = terms[index + 1];
    if (name in result.attributes) {
        report(result, IssueCodes.DuplicateProperty, `'${name}' is set more than once; the last value wins.`, 'warning', term);
    }
    if (!declaration) {
        report(result, IssueCodes.UnknownProperty, `Unknown attribute '${name}': no knowledge base of this model declares it.`, 'warning', term);
        const takesValue = next !== undefined && !isWordTerm(next);
        result.attributes[name] = takesValue ? rawValue(next) : true;
        return index + (takesValue ? 2 : 1);
    }
    if (!appliesTo(declaration, subject)) {
        report(result, IssueCodes.UnknownProperty,
            `Attribute '${name}' does not apply to ${describe(subject)}; it applies to ${declaration.subjects.map(describe).join(', ')}.`, 'warning', term);
    }
    return index + 1 + groupValue(declaration, term, next, vocabulary, result);
}

/** Reads the value of a declared attribute; returns how many terms it consumed (0 or 1). */
function groupValue(declaration: AttributeDeclaration, nameTerm: Term, next: Term | undefined, vocabulary: Vocabulary, result: GroupedProperties): number {
    const { name, type } = declaration;
    if (type.kind === 'boolean') {
        const explicit = next && isWordTerm(next) && (next.word === 'true' || next.word === 'false');
        result.attributes[name] = explicit ? next.word === 'true' : true;
        return explicit ? 1 : 0;
    }
    const startsAttribute = next && isWordTerm(next) && vocabulary.attributes.has(next.word) && !type.values.includes(next.word);
    if (!next || startsAttribute) {
        report(result, IssueCodes.InvalidPropertyValue, `'${name}' needs ${expected(declaration)}.`, 'error', nameTerm);
        return 0;
    }
    const value = rawValue(next);
    const problem = typeProblem(declaration, next, value);
    if (problem) report(result, IssueCodes.InvalidPropertyValue, problem, 'error', next);
    result.attributes[name] = type.kind === 'list' && !Array.isArray(value) ? [String(value)] : value;
    return 1;
}

function typeProblem(declaration: AttributeDeclaration, term: Term, value: AttributeValue): string | undefined {
    const { name, type } = declaration;
    switch (type.kind) {
        case 'number':
            return isNumberTerm(term) ? undefined : `'${name}' needs ${expected(declaration)}, not ${describeTerm(term)}.`;
        case 'string':
        case 'reference':
            return isListTerm(term) ? `'${name}' needs ${expected(declaration)}, not a list.` : undefined;
        case 'enum':
        case 'ordered':
            if (!isWordTerm(term) && !isStringTerm(term)) return `'${name}' needs ${expected(declaration)}, not ${describeTerm(term)}.`;
            return type.values.includes(String(value)) ? undefined : `'${value}' is not a value of '${name}': expected ${expected(declaration)}.`;
        case 'list': {
            const items = Array.isArray(value) ? value : [String(value)];
            const unknown = type.values.length > 0 ? items.filter(item => !type.values.includes(item)) : [];
            return unknown.length > 0 ? `${unknown.map(item => `'${item}'`).join(', ')} not allowed in '${name}': expected ${expected(declaration)}.` : undefined;
        }
        default:
            return undefined;
    }
}

function rawValue(term: Term | ListItem): AttributeValue {
    if (isWordTerm(term)) return term.word;
    if (isListTerm(term)) return term.items.map(item => String(rawValue(item)));
    return term.value;
}

function appliesTo(declaration: AttributeDeclaration, subject: Subject): boolean {
    const subjects = declaration.subjects;
    if (subjects.length === 0 || subjects.includes(subject)) return true;
    return subjects.includes('element') && ['actor', 'external', 'process', 'datastore'].includes(subject);
}

function expected({ type }: AttributeDeclaration): string {
    switch (type.kind) {
        case 'enum':
        case 'ordered':
            return `one of ${type.values.join(', ')}`;
        case 'list':
            return type.values.length > 0 ? `a list of ${type.values.join(', ')}` : 'a bracketed list';
        case 'number':
            return 'a number';
        case 'reference':
            return 'a name';
        default:
            return 'a quoted string';
    }
}

function describeTerm(term: Term): string {
    if (isListTerm(term)) return 'a list';
    if (isNumberTerm(term)) return 'a number';
    if (isStringTerm(term)) return 'a string';
    return isWordTerm(term) ? `'${term.word}'` : 'a date';
}

const SUBJECT_WORDS: Record<Subject, string> = {
    actor: 'actors', external: 'external systems', process: 'processes', datastore: 'data stores',
    flow: 'flows', data: 'data assets', boundary: 'boundaries', element: 'elements'
};

function describe(subject: Subject): string {
    return SUBJECT_WORDS[subject];
}

function report(result: GroupedProperties, code: string, message: string, severity: 'error' | 'warning', node: AstNode): void {
    result.problems.push({ code, message, severity, node });
}
