import type { Analysis } from '../analysis/analysis-types.js';
import type { AttributeValue, DataAsset, ModelElement, ModelFlow, Severity } from '../model/threat-model-types.js';

/** An entity that is in both versions with some of its properties changed. */
export interface Change {
    id: string;
    /** What changed, in words: `protocol: http → https`, `label`, `boundary: Dmz → Core`. */
    changes: string[];
}

/** Added, removed and changed entities of one kind, by id. */
export interface EntityDiff {
    added: string[];
    removed: string[];
    changed: Change[];
}

/** A threat (declared, or derived `RULE@Subject`) whose status or severity moved, or that appeared or went. */
export interface ThreatChange {
    id: string;
    origin: 'declared' | 'derived';
    label?: string;
    change: 'new' | 'removed' | 'status' | 'severity';
    before?: { status: string; severity: Severity };
    after?: { status: string; severity: Severity };
}

/** What a change does to a threat model: semantic, not textual (`moat diff`). */
export interface ModelDiff {
    elements: EntityDiff;
    flows: EntityDiff;
    boundaries: EntityDiff;
    data: EntityDiff;
    mitigations: EntityDiff;
    threats: ThreatChange[];
    /** Flows of the new version that cross a boundary they did not cross before (or are new and cross one). */
    newBoundaryCrossings: { flow: string; boundaries: string[] }[];
    /** Flows of the new version that carry confidential or restricted data they did not carry before. */
    newClassifiedFlows: { flow: string; data: string[] }[];
}

const CLASSIFIED = new Set(['confidential', 'restricted']);

/** The semantic difference between two analyses of a model. */
export function diffModels(base: Analysis, head: Analysis): ModelDiff {
    const baseFlows = new Map(base.model.flows.map(flow => [flow.id, flow]));
    const headData = new Map(head.model.data.map(data => [data.id, data]));
    return {
        elements: diffEntities(base.model.elements, head.model.elements, elementChanges),
        flows: diffEntities(base.model.flows, head.model.flows, flowChanges),
        boundaries: diffEntities(base.model.boundaries, head.model.boundaries, (before, after) => [
            ...labelChange(before.label, after.label), ...valueChange('parent', before.parent, after.parent), ...attributeChanges(before.attributes, after.attributes)
        ]),
        data: diffEntities(base.model.data, head.model.data, (before: DataAsset, after: DataAsset) => [...labelChange(before.label, after.label), ...attributeChanges(before.attributes, after.attributes)]),
        mitigations: diffEntities(base.model.mitigations, head.model.mitigations, (before, after) => [
            ...labelChange(before.label, after.label), ...valueChange('status', before.status, after.status),
            ...valueChange('tickets', before.tickets.join(', '), after.tickets.join(', ')), ...valueChange('covers', before.covers.join(', '), after.covers.join(', '))
        ]),
        threats: threatChanges(base, head),
        newBoundaryCrossings: head.model.flows.flatMap(flow => {
            const before = new Set(baseFlows.get(flow.id)?.crosses ?? []);
            const boundaries = flow.crosses.filter(boundary => !before.has(boundary));
            return boundaries.length > 0 ? [{ flow: flow.id, boundaries }] : [];
        }),
        newClassifiedFlows: head.model.flows.flatMap(flow => {
            const before = new Set(baseFlows.get(flow.id)?.carries ?? []);
            const data = flow.carries.filter(id => !before.has(id) && CLASSIFIED.has(String(headData.get(id)?.attributes.classification)));
            return data.length > 0 ? [{ flow: flow.id, data }] : [];
        })
    };
}

/** Whether a diff has anything in it. */
export function isEmptyDiff(diff: ModelDiff): boolean {
    const entities = [diff.elements, diff.flows, diff.boundaries, diff.data, diff.mitigations];
    return entities.every(entity => entity.added.length + entity.removed.length + entity.changed.length === 0) && diff.threats.length === 0;
}

function diffEntities<T extends { id: string }>(before: readonly T[], after: readonly T[], changesOf: (before: T, after: T) => string[]): EntityDiff {
    const old = new Map(before.map(entity => [entity.id, entity]));
    const current = new Map(after.map(entity => [entity.id, entity]));
    return {
        added: after.filter(entity => !old.has(entity.id)).map(entity => entity.id),
        removed: before.filter(entity => !current.has(entity.id)).map(entity => entity.id),
        changed: after.flatMap(entity => {
            const previous = old.get(entity.id);
            const changes = previous ? changesOf(previous, entity) : [];
            return changes.length > 0 ? [{ id: entity.id, changes }] : [];
        })
    };
}

function elementChanges(before: ModelElement, after: ModelElement): string[] {
    return [
        ...valueChange('kind', before.kind, after.kind), ...labelChange(before.label, after.label),
        ...valueChange('boundary', before.boundaries.at(-1), after.boundaries.at(-1)),
        ...valueChange('stores', before.stores.join(', '), after.stores.join(', ')), ...attributeChanges(before.attributes, after.attributes)
    ];
}

function flowChanges(before: ModelFlow, after: ModelFlow): string[] {
    return [
        ...labelChange(before.label, after.label), ...valueChange('direction', before.bidirectional ? '<->' : '->', after.bidirectional ? '<->' : '->'),
        ...valueChange('carries', before.carries.join(', '), after.carries.join(', ')), ...valueChange('crosses', before.crosses.join(', '), after.crosses.join(', ')),
        ...attributeChanges(before.attributes, after.attributes)
    ];
}

function labelChange(before: string | undefined, after: string | undefined): string[] {
    return before === after ? [] : ['label'];
}

function valueChange(name: string, before: string | undefined, after: string | undefined): string[] {
    return (before ?? '') === (after ?? '') ? [] : [`${name}: ${before || '—'} → ${after || '—'}`];
}

function attributeChanges(before: Record<string, AttributeValue>, after: Record<string, AttributeValue>): string[] {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return names.flatMap(name => valueChange(name, show(before[name]), show(after[name])));
}

function show(value: AttributeValue | undefined): string | undefined {
    if (value === undefined) return undefined;
    return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function threatChanges(base: Analysis, head: Analysis): ThreatChange[] {
    type Summary = { origin: ThreatChange['origin']; label?: string; status: string; severity: Severity };
    const summarise = (analysis: Analysis) => new Map<string, Summary>([
        ...analysis.model.threats.map((threat): [string, Summary] => [threat.id, { origin: 'declared', label: threat.label, status: threat.status, severity: threat.severity }]),
        ...analysis.derivedThreats.map((threat): [string, Summary] => [threat.id, { origin: 'derived', label: threat.label, status: threat.status, severity: threat.severity }])
    ]);
    const before = summarise(base);
    const after = summarise(head);
    const changes: ThreatChange[] = [];
    for (const [id, now] of after) {
        const then = before.get(id);
        const entry = { id, origin: now.origin, label: now.label, after: { status: now.status, severity: now.severity } };
        if (!then) changes.push({ ...entry, change: 'new' });
        else if (then.status !== now.status) changes.push({ ...entry, change: 'status', before: { status: then.status, severity: then.severity } });
        else if (then.severity !== now.severity) changes.push({ ...entry, change: 'severity', before: { status: then.status, severity: then.severity } });
    }
    for (const [id, then] of before) {
        if (!after.has(id)) changes.push({ id, origin: then.origin, label: then.label, change: 'removed', before: { status: then.status, severity: then.severity } });
    }
    return changes.sort((a, b) => a.id.localeCompare(b.id));
}
