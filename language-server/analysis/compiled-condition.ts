import type { AttributeDeclaration } from '../knowledge/knowledge-base-types.js';
import type { AttributeSlots } from './attribute-slots.js';
import type { EvalNode, ModelIndex } from './model-index.js';
import type { Value as NavigationValue } from './navigation.js';

/** A condition compiled to closures once per vocabulary: evaluating it walks no syntax tree. */
export interface CompiledCondition {
    /** Whether the condition holds on the node. */
    test(node: EvalNode, index: ModelIndex): boolean;
    /** Appends why the condition holds on the node; called only when `test` is true. */
    explain(node: EvalNode, index: ModelIndex, out: string[]): void;
    /** A rough cost of `test`, so `and` and `or` can try the cheaper side first. */
    cost: number;
}

/** A value expression (a path or a literal) compiled to a closure. */
export interface CompiledValue {
    get(node: EvalNode, index: ModelIndex): NavigationValue;
    /** The attribute a path ends in, when the vocabulary declares it (for ordered comparisons). */
    attribute?: AttributeDeclaration;
    text: string;
    /** A rough cost of `get`. */
    cost: number;
    /** For a path that reads one attribute of the node itself: its slot, so tests can read it directly. */
    slot?: number;
    /** For a literal: its value, so tests need not call `get`. */
    constant?: NavigationValue;
}

/** What compiling needs: the vocabulary's attributes and their slots. */
export interface CompileScope {
    attributes: ReadonlyMap<string, AttributeDeclaration>;
    slots: AttributeSlots;
    /** How many cached quantifiers have been numbered so far. */
    quantifiers: number;
}
