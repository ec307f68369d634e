import type { RuleDeclaration, Vocabulary } from '../knowledge/knowledge-base-types.js';
import type { ModelSettings } from '../model/threat-model-types.js';
import type { SubjectKind } from './analysis-types.js';
import { AttributeSlots } from './attribute-slots.js';
import { ConjunctOrder } from './conjunct-order.js';
import type { DerivationReuse } from './derivation-reuse.js';
import { DerivedThreatRecord } from './derived-threat-record.js';
import type { ModelIndex } from './model-index.js';
import { navigationReach, readsLabels } from './navigation-reach.js';

/** A rule ready to run: its conditions compiled, as conjuncts that must all hold. */
export interface CompiledRule {
    rule: RuleDeclaration;
    conjuncts: ConjunctOrder;
    /** How many navigation steps from its subject the rule reads (navigation-reach.ts). */
    reach: number;
}

/** A vocabulary ready to run: its attribute numbering and its compiled rules. */
export interface CompiledKnowledge {
    vocabulary: Vocabulary;
    slots: AttributeSlots;
    rules: CompiledRule[];
    /** How many navigation steps from its subject the farthest-looking rule reads. */
    reach: number;
    /** Whether any rule reads a label. */
    readsLabels: boolean;
}

/** Compiles a vocabulary's rules (the analysis provider keeps the result per vocabulary). */
export function compileKnowledge(vocabulary: Vocabulary): CompiledKnowledge {
    const slots = new AttributeSlots(vocabulary);
    const scope = { attributes: vocabulary.attributes, slots, quantifiers: 0 };
    const rules = [...vocabulary.rules.values()].map(rule => ({
        rule, conjuncts: new ConjunctOrder(rule.conditions, scope), reach: Math.max(0, ...rule.conditions.map(navigationReach))
    }));
    return {
        vocabulary, slots, rules,
        reach: Math.max(0, ...rules.map(compiled => compiled.reach)),
        readsLabels: [...vocabulary.rules.values()].some(rule => rule.conditions.some(readsLabels))
    };
}

/**
 * Runs every rule of the vocabulary over the model: each rule on each element or flow of the kinds
 * it applies to (a bidirectional flow in both directions); every match is a derived threat
 * `RULE@Subject`, not yet checked against what the model says about it (see
 * derived-threat-addressing.ts). `depth top` runs only rules marked `top`. The loop visits each
 * node once and runs all its rules while the node is in the processor's cache: on a large model,
 * touching every node once per rule costs more than the conditions themselves. With `reuse`, a
 * rule is not evaluated again on a subject when nothing within the rule's reach of it has changed
 * since the earlier derivation: its earlier match, if any, is carried over (derivation-reuse.ts).
 * The result is the same, in the same order.
 */
export function deriveThreats(index: ModelIndex, knowledge: CompiledKnowledge, settings: ModelSettings, reuse?: DerivationReuse): DerivedThreatRecord[] {
    if (index.slots !== knowledge.slots) throw new Error('The model index was built for another vocabulary.');
    const rulesByKind = rulesBySubjectKind(knowledge.rules.filter(compiled => settings.depth !== 'top' || compiled.rule.top));
    const derived: DerivedThreatRecord[] = [];
    for (const nodes of [index.elements, index.flows, index.data, index.boundaries]) {
        // Consecutive nodes are mostly of one kind: look the kind's rules up only when it changes.
        let kind: SubjectKind | undefined;
        let rules: CompiledRule[] | undefined;
        for (const subject of nodes) {
            if (subject.kind !== kind) {
                kind = subject.kind;
                rules = rulesByKind.get(kind);
            }
            if (!rules) continue;
            const distance = reuse ? reuse.distanceOf(subject) : 0;
            if (distance > knowledge.reach) {
                reuse!.carryOver(subject, derived);
                continue;
            }
            const earlier = distance > 0 ? reuse!.earlierMatchesOf(subject) : undefined;
            const orientations = subject.orientations;
            for (const compiled of rules) {
                if (earlier && compiled.reach < distance) {
                    const record = earlier.get(compiled);
                    if (record) derived.push(record.carriedOver(subject, index));
                    continue;
                }
                const conjuncts = compiled.conjuncts;
                // Only a bidirectional flow has a second reading.
                if (orientations.length === 1) {
                    if (conjuncts.holds(subject, index)) derived.push(new DerivedThreatRecord(compiled, subject, index));
                    continue;
                }
                for (const node of orientations) {
                    if (conjuncts.holds(node, index)) {
                        derived.push(new DerivedThreatRecord(compiled, node, index));
                        break;
                    }
                }
            }
        }
    }
    return derived;
}

const ELEMENT_KINDS: readonly SubjectKind[] = ['actor', 'external', 'process', 'datastore'];

/** The rules to run on each kind of subject, in knowledge-base order. */
function rulesBySubjectKind(rules: readonly CompiledRule[]): Map<SubjectKind, CompiledRule[]> {
    const byKind = new Map<SubjectKind, CompiledRule[]>();
    for (const compiled of rules) {
        const kinds = new Set(compiled.rule.subjects.flatMap(subject => subject === 'element' ? ELEMENT_KINDS : [subject as SubjectKind]));
        for (const kind of kinds) {
            const list = byKind.get(kind);
            if (list) list.push(compiled);
            else byKind.set(kind, [compiled]);
        }
    }
    return byKind;
}
