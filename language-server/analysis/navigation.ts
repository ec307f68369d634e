import type { AttributeValue } from '../model/threat-model-types.js';
import { NodeRecord, type EvalNode } from './model-index.js';

/** What a path evaluates to: an attribute value, a node reached by navigation, or nothing. */
export type Value = AttributeValue | EvalNode | undefined;

/** Path segments with a fixed meaning; every other segment reads an attribute. */
export const NAVIGATION_SEGMENTS: Readonly<Record<string, string>> = {
    kind: 'the kind: actor, external, process, datastore, flow, data or boundary',
    name: 'the declared name (an unnamed flow is Source->Target)',
    label: 'the label string',
    source: 'a flow\'s source element (for a bidirectional flow, either end in turn)',
    target: 'a flow\'s target element (for a bidirectional flow, the other end)',
    bidirectional: 'whether a flow is written `<->`',
    boundary: 'the innermost boundary an element is declared in',
    parent: 'the boundary a boundary is nested in'
};

/** Whether a value is a node (an element, flow, boundary or data asset) rather than an attribute value. */
export function isNode(value: Value): value is EvalNode {
    return value instanceof NodeRecord;
}

/** A navigation step specialised for one segment, so evaluation compares no strings. */
export type Step = (value: Value) => Value;

/** The step of a segment: a fixed navigation, or reading the attribute in the given slot. */
export function stepFor(segment: string, slot: number | undefined): Step {
    const attribute: Step = slot === undefined ? () => undefined : value => isNode(value) ? value.values[slot] : undefined;
    switch (segment) {
        case 'kind': return value => isNode(value) ? value.kind : undefined;
        case 'name': return value => isNode(value) ? value.entity.id : undefined;
        case 'label': return value => isNode(value) ? value.entity.label : undefined;
        case 'source': return value => isNode(value) && value.type === 'flow' ? value.source : attribute(value);
        case 'target': return value => isNode(value) && value.type === 'flow' ? value.target : attribute(value);
        case 'bidirectional': return value => isNode(value) && value.type === 'flow' ? value.entity.bidirectional : attribute(value);
        case 'boundary': return value => isNode(value) && value.type === 'element' ? value.boundary : attribute(value);
        case 'parent': return value => isNode(value) && value.type === 'boundary' ? value.parent : attribute(value);
        default: return attribute;
    }
}

/** The first step of a path, taken from the node a condition is evaluated on (always a node, so unchecked). */
export function firstStepFor(segment: string, slot: number | undefined): (node: EvalNode) => Value {
    const attribute = slot === undefined ? () => undefined : (node: EvalNode) => node.values[slot];
    switch (segment) {
        case 'kind': return node => node.kind;
        case 'name': return node => node.entity.id;
        case 'label': return node => node.entity.label;
        case 'source': return node => node.type === 'flow' ? node.source : attribute(node);
        case 'target': return node => node.type === 'flow' ? node.target : attribute(node);
        case 'bidirectional': return node => node.type === 'flow' ? node.entity.bidirectional : attribute(node);
        case 'boundary': return node => node.type === 'element' ? node.boundary : attribute(node);
        case 'parent': return node => node.type === 'boundary' ? node.parent : attribute(node);
        default: return attribute;
    }
}

/** The node fields the navigation segments read; each is set only on the kind it applies to. */
export const NAVIGATION_FIELDS = { source: 'source', target: 'target', boundary: 'boundary', parent: 'parent' } as const;

/**
 * A path of navigations followed by at most one value segment (`source.boundary.trust`,
 * `target.kind`), as direct field reads — the fast form of the steps above, usable when the
 * vocabulary declares no attribute named like a navigation. Undefined for any other path.
 */
export function fusedPath(segments: readonly string[], slotOf: (name: string) => number | undefined): ((node: EvalNode) => Value) | undefined {
    const last = segments.at(-1)!;
    const navigations = Object.hasOwn(NAVIGATION_FIELDS, last) ? segments : segments.slice(0, -1);
    if (navigations.length === 0 || !navigations.every(segment => Object.hasOwn(NAVIGATION_FIELDS, segment) && slotOf(segment) === undefined)) return undefined;
    const fields = navigations.map(segment => NAVIGATION_FIELDS[segment as keyof typeof NAVIGATION_FIELDS]);
    const walk: (node: EvalNode) => EvalNode | undefined = fields.length === 1
        ? node => node[fields[0]]
        : fields.length === 2 ? node => node[fields[0]]?.[fields[1]] : node => {
            let current: EvalNode | undefined = node;
            for (const field of fields) current = current?.[field];
            return current;
        };
    if (navigations === segments) return walk;
    if (last === 'kind') return node => walk(node)?.kind;
    const slot = slotOf(last);
    if (slot === undefined || Object.hasOwn(NAVIGATION_SEGMENTS, last)) return undefined;
    return node => walk(node)?.values[slot];
}

/** Whether a value counts as true on its own: a set flag, a non-empty value or an existing node. */
export function truthy(value: Value): boolean {
    if (Array.isArray(value)) return value.length > 0;
    if (typeof value === 'number') return value !== 0;
    return value !== undefined && value !== false && value !== '';
}

/** Equality of a value with a literal or another value; nothing is equal to an absent value. */
export function valueEquals(left: Value, right: Value): boolean {
    if (left === undefined || right === undefined) return false;
    if (isNode(left) || isNode(right)) return left === right;
    if (Array.isArray(left)) return Array.isArray(right) ? right.some(item => left.includes(item)) : left.includes(String(right));
    if (Array.isArray(right)) return right.includes(String(left));
    return String(left) === String(right);
}

/** A value as the explanation of a match shows it. */
export function describeValue(value: Value): string {
    if (value === undefined) return 'not set';
    if (isNode(value)) return value.entity.id;
    if (Array.isArray(value)) return `[${value.join(', ')}]`;
    return String(value);
}
