import type { DataAsset, ModelBoundary, ModelElement, ModelFlow, ThreatModel } from '../model/threat-model-types.js';
import type { SubjectKind } from './analysis-types.js';
import type { AttributeSlots } from './attribute-slots.js';
import type { Value } from './navigation.js';

/**
 * What conditions are evaluated on: one node per entity (a NodeRecord), with everything navigation
 * and quantifiers need resolved up front and attribute values in slots. `type` says which entity
 * it wraps.
 */
export type EvalNode = NodeRecord & (
    | { readonly type: 'element'; readonly entity: ModelElement }
    | { readonly type: 'flow'; readonly entity: ModelFlow }
    | { readonly type: 'boundary'; readonly entity: ModelBoundary }
    | { readonly type: 'data'; readonly entity: DataAsset });

/** The kind a rule's `applies-to` names for a node. */
export function subjectKindOf(node: EvalNode): SubjectKind {
    return node.kind;
}

/** A threat model indexed for rule evaluation. Built once per model and vocabulary. */
export class ModelIndex {
    readonly elements: EvalNode[];
    readonly flows: EvalNode[];
    readonly data: EvalNode[];
    readonly boundaries: EvalNode[];
    private readonly byId: Record<EvalNode['type'], Map<string, EvalNode>> = { element: new Map(), flow: new Map(), data: new Map(), boundary: new Map() };

    constructor(readonly model: ThreatModel, readonly slots: AttributeSlots) {
        this.data = model.data.map(entity => this.register(createNode('data', entity, slots)));
        this.boundaries = model.boundaries.map(entity => this.register(createNode('boundary', entity, slots)));
        this.elements = model.elements.map(entity => this.register(createNode('element', entity, slots)));
        this.flows = model.flows.map(entity => this.register(createNode('flow', entity, slots)));
        for (const node of this.boundaries) node.parent = this.node((node.entity as ModelBoundary).parent, 'boundary');
        for (const node of this.elements) {
            const element = node.entity as ModelElement;
            node.boundary = this.node(element.boundaries.at(-1), 'boundary');
            node.data.push(...this.dataNodes(element.stores));
        }
        for (const node of this.flows) this.linkFlow(node);
    }

    /** The entity with the id, of the expected type. */
    node(id: string | undefined, type: EvalNode['type']): EvalNode | undefined {
        return id === undefined ? undefined : this.byId[type].get(id);
    }

    private linkFlow(node: EvalNode): void {
        const flow = node.entity as ModelFlow;
        const source = this.node(flow.source, 'element');
        const target = this.node(flow.target, 'element');
        node.source = source;
        node.target = target;
        node.data.push(...this.dataNodes(flow.carries));
        source?.outgoing.push(node);
        target?.incoming.push(node);
        if (!flow.bidirectional) return;
        const reversed = createNode('flow', flow, this.slots, true, node.values, node.data);
        reversed.source = target;
        reversed.target = source;
        node.orientations = [node, reversed];
        reversed.orientations = node.orientations;
        target?.outgoing.push(reversed);
        source?.incoming.push(reversed);
    }

    private dataNodes(ids: readonly string[]): EvalNode[] {
        const nodes: EvalNode[] = [];
        for (const id of ids) {
            const node = this.node(id, 'data');
            if (node) nodes.push(node);
        }
        return nodes;
    }

    private register(node: EvalNode): EvalNode {
        this.byId[node.type].set(node.entity.id, node);
        return node;
    }
}

const NO_NODES: EvalNode[] = Object.freeze([]) as unknown as EvalNode[];

/**
 * The one class of every node: the same fields in the same order, so evaluation reads properties
 * and never looks anything up by name; `instanceof` tells nodes from attribute values.
 */
export class NodeRecord {
    /** The element kind, or `flow`, `data`, `boundary`: what `applies-to` and `is` test. */
    readonly kind: SubjectKind;
    /** A flow's ends, read in this node's direction. */
    source: EvalNode | undefined = undefined;
    target: EvalNode | undefined = undefined;
    /** An element's innermost boundary. */
    boundary: EvalNode | undefined = undefined;
    /** A boundary's enclosing boundary. */
    parent: EvalNode | undefined = undefined;
    /** The readings of a subject: `[this]`, or for a bidirectional flow `[this, reversed]`. */
    orientations: EvalNode[];
    /** An element's flows in and out (a bidirectional flow counts both ways, read with the sender as source); other nodes share one empty list. */
    readonly incoming: EvalNode[];
    readonly outgoing: EvalNode[];
    /** Whether a flow crosses a trust boundary, read here rather than from the entity (which is elsewhere in memory). */
    readonly crossesBoundary: boolean;
    /** Data on any flow of an element, computed on first use. */
    dataOnFlows: EvalNode[] | undefined = undefined;
    /** Results of compiled quantifiers reached by navigation, by quantifier number (condition-compiler.ts). */
    memo: (boolean | undefined)[] | undefined = undefined;

    constructor(
        /** Which entity the node wraps. */
        readonly type: 'element' | 'flow' | 'boundary' | 'data',
        readonly entity: ModelElement | ModelFlow | ModelBoundary | DataAsset,
        /** Attribute values by slot (attribute-slots.ts). */
        readonly values: Value[],
        /** Whether this node reads a bidirectional flow from its target to its source. */
        readonly reversed: boolean,
        /** Data a flow carries, or a data store stores. */
        readonly data: EvalNode[]
    ) {
        this.kind = type === 'element' ? (entity as ModelElement).kind : type;
        this.crossesBoundary = type === 'flow' && (entity as ModelFlow).crosses.length > 0;
        this.orientations = [this as unknown as EvalNode];
        this.incoming = type === 'element' ? [] : NO_NODES;
        this.outgoing = type === 'element' ? [] : NO_NODES;
    }
}

function createNode(
    type: EvalNode['type'], entity: EvalNode['entity'], slots: AttributeSlots, reversed = false, values?: Value[], data?: EvalNode[]
): EvalNode {
    return new NodeRecord(type, entity, values ?? slots.valuesOf(entity.attributes), reversed, data ?? []) as unknown as EvalNode;
}
