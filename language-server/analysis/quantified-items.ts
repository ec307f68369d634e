import type { Quantifier } from '../generated/ast.js';
import type { EvalNode } from './model-index.js';
import { isNode, type Value } from './navigation.js';

/**
 * What a quantifier ranges over. `carries`: the data a flow carries, or, on an element, the data on
 * any flow it sends or receives. `stores`: the data a data store stores. `receives` and `sends`:
 * the flows into and out of an element. Anything else ranges over nothing.
 */
export function quantifiedItems(value: Value, relation: Quantifier['relation']): readonly EvalNode[] {
    if (!isNode(value)) return [];
    switch (relation) {
        case 'carries':
            if (value.type === 'flow') return value.data;
            return value.type === 'element' ? dataOnFlows(value) : [];
        case 'stores':
            return value.type === 'element' ? value.data : [];
        case 'receives':
            return value.incoming;
        case 'sends':
            return value.outgoing;
    }
}

function dataOnFlows(node: EvalNode): EvalNode[] {
    if (!node.dataOnFlows) {
        const data = new Set<EvalNode>();
        for (const flow of node.incoming) for (const item of flow.data) data.add(item);
        for (const flow of node.outgoing) for (const item of flow.data) data.add(item);
        node.dataOnFlows = [...data];
    }
    return node.dataOnFlows;
}
