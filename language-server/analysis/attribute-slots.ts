import type { Vocabulary } from '../knowledge/knowledge-base-types.js';
import type { AttributeValue } from '../model/threat-model-types.js';
import type { Value } from './navigation.js';

/**
 * A numbering of a vocabulary's attributes, so a node keeps its attribute values in an array and a
 * compiled path reads one by position instead of by name. Attributes a model sets that no
 * knowledge base declares have no slot: no rule can read them.
 */
export class AttributeSlots {
    private readonly slots = new Map<string, number>();

    constructor(vocabulary: Vocabulary) {
        for (const name of vocabulary.attributes.keys()) this.slots.set(name, this.slots.size);
    }

    /** The slot of an attribute, if the vocabulary declares it. */
    slotOf(name: string): number | undefined {
        return this.slots.get(name);
    }

    /** An entity's attribute values by slot. */
    valuesOf(attributes: Readonly<Record<string, AttributeValue>>): Value[] {
        const values: Value[] = new Array(this.slots.size).fill(undefined);
        for (const name in attributes) {
            const slot = this.slots.get(name);
            if (slot !== undefined) values[slot] = attributes[name];
        }
        return values;
    }
}
