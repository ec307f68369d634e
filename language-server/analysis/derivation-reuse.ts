import type { ModelSettings } from '../model/threat-model-types.js';
import { sameItems } from '../same-items.js';
import type { DerivedThreatRecord } from './derived-threat-record.js';
import type { EvalNode, ModelIndex } from './model-index.js';
import type { CompiledKnowledge, CompiledRule } from './rule-engine.js';

/** What one rule evaluation leaves for the next: its index and its matches. */
export interface Derivation {
    index: ModelIndex;
    knowledge: CompiledKnowledge;
    depth: ModelSettings['depth'];
    derived: readonly DerivedThreatRecord[];
}

/**
 * Which rules need evaluating again on which subjects of a rebuilt model. A rule reads at most its
 * `reach` in navigation steps from its subject (navigation-reach.ts), so it gives the same result
 * on a subject when nothing within that many steps changed. A node has changed when it is new or
 * when anything a condition can read on it differs: kind, attribute values, label (if a rule reads
 * labels), or which nodes its navigation fields and lists lead to. A node removed by the edit
 * changes the nodes that led to it (their fields now lead nowhere), so removals need no tracking
 * of their own. The distance of each subject to the nearest change is found by walking back
 * along navigation steps from the changed nodes; an edit touches one declaration, so most
 * subjects are far from it and keep their matches.
 */
export class DerivationReuse {
    /** Steps to the nearest changed node, for the subjects no farther than the farthest-looking rule. */
    private readonly distances = new Map<EvalNode, number>();
    private readonly earlierMatches = new Map<EvalNode, DerivedThreatRecord[]>();

    private constructor(private readonly earlier: Derivation, private readonly index: ModelIndex) {
        for (const record of earlier.derived) {
            const subject = record.node.orientations[0];
            const list = this.earlierMatches.get(subject);
            if (list) list.push(record);
            else this.earlierMatches.set(subject, [record]);
        }
        this.measureDistances(earlier.knowledge);
    }

    /** Reuse between an earlier derivation and a new index, when both ran the same rules. */
    static between(earlier: Derivation | undefined, index: ModelIndex, knowledge: CompiledKnowledge, settings: ModelSettings): DerivationReuse | undefined {
        if (!earlier || earlier.knowledge !== knowledge || earlier.depth !== settings.depth || earlier.index.slots !== index.slots) return undefined;
        return new DerivationReuse(earlier, index);
    }

    /** Navigation steps from the subject to the nearest change: a rule whose reach is smaller gives what it gave before. */
    distanceOf(subject: EvalNode): number {
        return this.distances.get(subject) ?? Infinity;
    }

    /** Appends the subject's earlier matches, carried over to its new node. */
    carryOver(subject: EvalNode, out: DerivedThreatRecord[]): void {
        for (const record of this.earlierOf(subject) ?? []) out.push(record.carriedOver(subject, this.index));
    }

    /** The subject's earlier matches by rule (not carried over). */
    earlierMatchesOf(subject: EvalNode): Map<CompiledRule, DerivedThreatRecord> {
        return new Map((this.earlierOf(subject) ?? []).map(record => [record.compiled, record]));
    }

    private earlierOf(subject: EvalNode): DerivedThreatRecord[] | undefined {
        const earlier = this.earlier.index.node(subject.entity.id, subject.type);
        return earlier ? this.earlierMatches.get(earlier) : undefined;
    }

    private measureDistances(knowledge: CompiledKnowledge): void {
        let frontier: EvalNode[] = [];
        for (const nodes of [this.index.elements, this.index.flows, this.index.data, this.index.boundaries]) {
            for (const node of nodes) {
                const earlier = this.earlier.index.node(node.entity.id, node.type);
                // A name declared twice: only the declaration the name leads to is matched with its earlier self.
                if (!earlier || this.index.node(node.entity.id, node.type) !== node || !sameToConditions(earlier, node, knowledge.readsLabels)) {
                    frontier.push(node);
                    this.distances.set(node, 0);
                }
            }
        }
        if (frontier.length === 0) return;
        const leadingTo = new NavigatingFrom(this.index);
        for (let distance = 1; distance <= knowledge.reach && frontier.length > 0; distance++) {
            const next: EvalNode[] = [];
            for (const node of frontier) {
                for (const from of leadingTo.nodesReaching(node)) {
                    if (this.distances.has(from)) continue;
                    this.distances.set(from, distance);
                    next.push(from);
                }
            }
            frontier = next;
        }
    }
}

/**
 * The nodes that reach a node in one navigation step: the ends of a flow reach it through `sends`
 * and `receives`, a flow its ends through `source` and `target`, the elements in a boundary and
 * the boundaries nested in it reach it through `boundary` and `parent`, and the flows and stores
 * holding a data asset reach it through `carries` and `stores`. Flows are given by their first
 * reading.
 */
class NavigatingFrom {
    private readonly inside = new Map<EvalNode, EvalNode[]>();
    private readonly holders = new Map<EvalNode, EvalNode[]>();

    constructor(index: ModelIndex) {
        const add = (map: Map<EvalNode, EvalNode[]>, key: EvalNode | undefined, value: EvalNode) => {
            if (!key) return;
            const list = map.get(key);
            if (list) list.push(value);
            else map.set(key, [value]);
        };
        for (const boundary of index.boundaries) add(this.inside, boundary.parent, boundary);
        for (const element of index.elements) {
            add(this.inside, element.boundary, element);
            for (const data of element.data) add(this.holders, data, element);
        }
        for (const flow of index.flows) for (const data of flow.data) add(this.holders, data, flow);
    }

    nodesReaching(node: EvalNode): EvalNode[] {
        switch (node.type) {
            case 'flow': return [node.source, node.target].filter((end): end is EvalNode => end !== undefined);
            case 'element': return [...node.incoming, ...node.outgoing].map(flow => flow.orientations[0]);
            case 'boundary': return this.inside.get(node) ?? [];
            case 'data': return this.holders.get(node) ?? [];
        }
    }
}

/**
 * Whether conditions read the same on both nodes (of one entity id and type, in two indexes). The
 * threat model keeps the entity of a declaration an edit did not touch, so the same entity has the
 * same kind, label and attributes; where its navigation leads still has to be compared.
 */
function sameToConditions(before: EvalNode, after: EvalNode, compareLabels: boolean): boolean {
    if (before.entity !== after.entity) {
        if (before.kind !== after.kind || (compareLabels && before.entity.label !== after.entity.label)) return false;
        if (!sameValues(before.values, after.values)) return false;
        if (before.type === 'flow' && after.type === 'flow') {
            const [a, b] = [before.entity, after.entity];
            if (a.bidirectional !== b.bidirectional || a.source !== b.source || a.target !== b.target || !sameItems(a.crosses, b.crosses)) return false;
        }
    }
    if (idOf(before.source) !== idOf(after.source) || idOf(before.target) !== idOf(after.target)
        || idOf(before.boundary) !== idOf(after.boundary) || idOf(before.parent) !== idOf(after.parent)) return false;
    return sameNodes(before.data, after.data) && sameNodes(before.incoming, after.incoming) && sameNodes(before.outgoing, after.outgoing);
}

function idOf(node: EvalNode | undefined): string | undefined {
    return node?.entity.id;
}

function sameNodes(a: readonly EvalNode[], b: readonly EvalNode[]): boolean {
    if (a.length !== b.length) return false;
    for (let position = 0; position < a.length; position++) {
        if (a[position].entity.id !== b[position].entity.id || a[position].reversed !== b[position].reversed) return false;
    }
    return true;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
    if (a.length !== b.length) return false;
    for (let position = 0; position < a.length; position++) {
        const [x, y] = [a[position], b[position]];
        if (x === y) continue;
        if (!Array.isArray(x) || !Array.isArray(y) || !sameItems(x, y)) return false;
    }
    return true;
}

