import type { AttributeDeclaration } from '../../knowledge/knowledge-base-types.js';
import type { ElementKind, Subject } from '../../model/threat-model-types.js';

/** The kinds of node a condition part may be evaluated on. */
export type NodeKind = ElementKind | 'flow' | 'data' | 'boundary';

const ELEMENT_KINDS: readonly NodeKind[] = ['actor', 'external', 'process', 'datastore'];

/** The node kinds a rule's `applies-to` subjects stand for. */
export function nodeKindsOf(subjects: readonly Subject[]): Set<NodeKind> {
    return new Set(subjects.flatMap(subject => subject === 'element' ? ELEMENT_KINDS : [subject as NodeKind]));
}

/** The node kinds a quantifier's condition is evaluated on. */
export function quantifiedKinds(relation: string): Set<NodeKind> {
    return new Set<NodeKind>(relation === 'receives' || relation === 'sends' ? ['flow'] : ['data']);
}

/**
 * Where a navigation segment leads from nodes of the given kinds: `source`/`target` from a flow to
 * any element, `boundary` from an element and `parent` from a boundary to a boundary. Undefined
 * when the segment is not a navigation from any of the kinds.
 */
export function navigateKinds(kinds: ReadonlySet<NodeKind>, segment: string): Set<NodeKind> | undefined {
    if ((segment === 'source' || segment === 'target') && kinds.has('flow')) return new Set(ELEMENT_KINDS);
    if (segment === 'boundary' && ELEMENT_KINDS.some(kind => kinds.has(kind))) return new Set<NodeKind>(['boundary']);
    if (segment === 'parent' && kinds.has('boundary')) return new Set<NodeKind>(['boundary']);
    return undefined;
}

/** Whether an attribute may be set on at least one of the kinds. */
export function attributeAppliesTo(attribute: AttributeDeclaration, kinds: ReadonlySet<NodeKind>): boolean {
    if (attribute.subjects.length === 0) return true;
    return [...nodeKindsOf(attribute.subjects)].some(kind => kinds.has(kind));
}

/** Whether a quantifier's relation ranges over anything on nodes of these kinds. */
export function relationAppliesTo(relation: string, kinds: ReadonlySet<NodeKind>): boolean {
    switch (relation) {
        case 'carries': return kinds.has('flow') || ELEMENT_KINDS.some(kind => kinds.has(kind));
        case 'stores': return kinds.has('datastore');
        default: return ELEMENT_KINDS.some(kind => kinds.has(kind));
    }
}

/** Kinds as a message names them. */
export function describeKinds(kinds: ReadonlySet<NodeKind>): string {
    return kinds.size === 0 ? 'nothing' : [...kinds].join(', ');
}
