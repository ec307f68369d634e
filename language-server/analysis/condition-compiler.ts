import type { AstNode } from 'langium';
import {
    isBinaryExpression, isComparison, isCrossesBoundary, isKindTest, isMembership, isNotExpression, isPath, isQuantifier,
    type BinaryExpression, type Comparison, type Expression, type KindTest, type Membership, type NotExpression, type Operand, type Path, type Quantifier
} from '../generated/ast.js';
import type { CompiledCondition, CompiledValue, CompileScope } from './compiled-condition.js';
import type { EvalNode, ModelIndex } from './model-index.js';
import { describeValue, firstStepFor, fusedPath, isNode, NAVIGATION_SEGMENTS, stepFor, truthy, valueEquals, type Value } from './navigation.js';
import { quantifiedItems } from './quantified-items.js';

/**
 * Compiles a rule's condition into closures. The condition language is interpreted — nothing in a
 * knowledge base is ever evaluated as code — but compiling it once per vocabulary keeps evaluation
 * over tens of thousands of elements within the editor's budget.
 */
export function compileCondition(expression: Expression, scope: CompileScope): CompiledCondition {
    if (isBinaryExpression(expression)) return compileBinary(expression, scope);
    if (isNotExpression(expression)) return compileNot(expression, scope);
    if (isComparison(expression)) return compileComparison(expression, scope);
    if (isMembership(expression)) return compileMembership(expression, scope);
    if (isKindTest(expression)) return compileKindTest(expression, scope);
    if (isCrossesBoundary(expression)) return CROSSES_BOUNDARY;
    if (isQuantifier(expression)) return compileQuantifier(expression, scope);
    return compileFlag(expression, scope);
}

/** `a and b`, `a or b`: conditions have no side effects, so the cheaper side is tested first; explanations keep the written order. */
function compileBinary(expression: BinaryExpression, scope: CompileScope): CompiledCondition {
    const left = compileCondition(expression.left, scope);
    const right = compileCondition(expression.right, scope);
    const [first, second] = left.cost <= right.cost ? [left, right] : [right, left];
    const cost = left.cost + right.cost;
    return expression.operator === 'and'
        ? {
            test: (node, index) => first.test(node, index) && second.test(node, index),
            explain: (node, index, out) => { left.explain(node, index, out); right.explain(node, index, out); },
            cost
        }
        : {
            test: (node, index) => first.test(node, index) || second.test(node, index),
            explain: (node, index, out) => (left.test(node, index) ? left : right).explain(node, index, out),
            cost
        };
}

function compileNot(expression: NotExpression, scope: CompileScope): CompiledCondition {
    const operand = compileCondition(expression.operand, scope);
    const text = textOf(expression);
    const detail = isPath(expression.operand) ? compileValue(expression.operand, scope) : undefined;
    const slot = detail?.slot;
    return {
        test: slot !== undefined ? node => !truthy(node.values[slot]) : (node, index) => !operand.test(node, index),
        explain: (node, index, out) => out.push(detail ? `${text} (${detail.text} is ${describeValue(detail.get(node, index))})` : text),
        cost: operand.cost
    };
}

function compileKindTest(expression: KindTest, scope: CompileScope): CompiledCondition {
    const subject = compileValue(expression.subject, scope);
    const kind = expression.kind;
    const text = textOf(expression);
    return { test: (node, index) => isOfKind(subject.get(node, index), kind), explain: (_node, _index, out) => out.push(text), cost: subject.cost };
}

/** `crosses-boundary`: the flow's ends are not in the same boundary chain. */
const CROSSES_BOUNDARY: CompiledCondition = {
    test: node => node.crossesBoundary,
    explain: (node, _index, out) => out.push(`crosses-boundary (${node.type === 'flow' ? node.entity.crosses.join(', ') : ''})`),
    cost: 1
};

/** A bare path: a set flag, a non-empty value or an existing node. */
function compileFlag(expression: Expression, scope: CompileScope): CompiledCondition {
    const value = compileValue(expression, scope);
    const slot = value.slot;
    return {
        test: slot !== undefined ? node => truthy(node.values[slot]) : (node, index) => truthy(value.get(node, index)),
        explain: (node, index, out) => {
            const actual = value.get(node, index);
            out.push(typeof actual === 'boolean' ? value.text : `${value.text} (${describeValue(actual)})`);
        },
        cost: value.cost
    };
}

function compileComparison(expression: Comparison, scope: CompileScope): CompiledCondition {
    const left = compileValue(expression.left, scope);
    const right = compileOperand(expression.right, scope);
    const order = orderOf(left) ?? orderOf(right);
    const compare = comparator(expression.operator, order);
    const text = textOf(expression);
    const { slot } = left;
    const { constant } = right;
    const literal = 'constant' in right;
    return {
        test: literal && slot !== undefined ? node => compare(node.values[slot], constant)
            : literal ? (node, index) => compare(left.get(node, index), constant)
                : (node, index) => compare(left.get(node, index), right.get(node, index)),
        explain: (node, index, out) => out.push(`${text} (${left.text} is ${describeValue(left.get(node, index))})`),
        cost: left.cost + right.cost
    };
}

function compileMembership(expression: Membership, scope: CompileScope): CompiledCondition {
    const subject = compileValue(expression.subject, scope);
    const values = expression.values.map(value => compileOperand(value, scope));
    const text = textOf(expression);
    return {
        test: values.every(value => 'constant' in value)
            ? literalMembership(subject, new Set(values.map(value => String(value.constant))))
            : (node, index) => {
                const actual = subject.get(node, index);
                for (const value of values) if (valueEquals(actual, value.get(node, index))) return true;
                return false;
            },
        explain: (node, index, out) => out.push(`${text} (${subject.text} is ${describeValue(subject.get(node, index))})`),
        cost: subject.cost + values.length
    };
}

/** What a quantifier costs on top of its condition: it visits every related item. */
const QUANTIFIER_COST = 20;

/**
 * A quantifier's value depends only on the node it ranges from (conditions have no variables), so
 * one reached by navigation is computed once per node and model (and kept on the node): `source.receives some (…)` on ten
 * flows from one process looks at that process's incoming flows once, which keeps nested
 * quantifiers linear. One on the subject itself is not cached: nothing else asks it again.
 */
function compileQuantifier(expression: Quantifier, scope: CompileScope): CompiledCondition {
    const base = expression.path ? compileValue(expression.path, scope) : undefined;
    const condition = compileCondition(expression.condition, scope);
    const text = textOf(expression);
    const memoSlot = base ? scope.quantifiers++ : -1;
    const items = (from: Value) => quantifiedItems(from, expression.relation);
    const evaluate = (from: Value, index: ModelIndex): boolean => {
        const related = items(from);
        const wanted = expression.quantifier !== 'all';
        for (const item of related) if (condition.test(item, index) === wanted) return expression.quantifier === 'some';
        return expression.quantifier !== 'some';
    };
    const test = base === undefined ? (node: EvalNode, index: ModelIndex) => evaluate(node, index) : (node: EvalNode, index: ModelIndex): boolean => {
        const from = base.get(node, index);
        if (!isNode(from)) return evaluate(from, index);
        const memo = from.memo ??= [];
        let result = memo[memoSlot];
        if (result === undefined) {
            result = evaluate(from, index);
            memo[memoSlot] = result;
        }
        return result;
    };
    return {
        test,
        explain: (node, index, out) => {
            const from = base ? base.get(node, index) : node;
            const related = items(from);
            const matching = related.filter(item => condition.test(item, index)).map(item => item.entity.id);
            out.push(related.length === 0 ? `${text} (there is none)` : matching.length > 0 ? `${text}: ${matching.join(', ')}` : text);
        },
        cost: QUANTIFIER_COST + (base?.cost ?? 0) + condition.cost
    };
}

/** `x in [a, b]` against literals: one set look-up (any item, for a list), as `valueEquals` would compare. */
function literalMembership(subject: CompiledValue, literals: ReadonlySet<string>): CompiledCondition['test'] {
    const holds = (actual: Value) => actual !== undefined && !isNode(actual)
        && (Array.isArray(actual) ? actual.some(item => literals.has(item)) : literals.has(String(actual)));
    const slot = subject.slot;
    return slot !== undefined ? node => holds(node.values[slot]) : (node, index) => holds(subject.get(node, index));
}

/** Compiles the left side of a test: a path, or a condition used as a boolean value. */
function compileValue(expression: Expression, scope: CompileScope): CompiledValue {
    if (isPath(expression)) return compilePath(expression, scope);
    const condition = compileCondition(expression, scope);
    return { get: (node, index) => condition.test(node, index), text: textOf(expression), cost: condition.cost };
}

/**
 * Compiles the right side of a comparison. A one-word path there is a literal (`protocol != https`,
 * `exposed == true`); a dotted path navigates (`source.boundary == target.boundary`).
 */
function compileOperand(operand: Operand, scope: CompileScope): CompiledValue {
    if (isPath(operand) && operand.segments.length > 1) return compilePath(operand, scope);
    const value: Value = isPath(operand) ? operand.segments[0] : operand.value;
    return { get: () => value, text: textOf(operand), cost: 0, constant: value };
}

function compilePath(path: Path, scope: CompileScope): CompiledValue {
    const segments = [...path.segments];
    const fused = segments.length > 1 ? fusedPath(segments, name => scope.slots.slotOf(name)) : undefined;
    if (fused) return { get: fused, attribute: scope.attributes.get(segments.at(-1)!), text: segments.join('.'), cost: segments.length };
    const first = firstStepFor(segments[0], scope.slots.slotOf(segments[0]));
    const directSlot = segments.length === 1 && !Object.hasOwn(NAVIGATION_SEGMENTS, segments[0]) ? scope.slots.slotOf(segments[0]) : undefined;
    const rest = segments.slice(1).map(segment => stepFor(segment, scope.slots.slotOf(segment)));
    const [second] = rest;
    const get = rest.length === 0 ? first
        : rest.length === 1 ? (node: EvalNode) => second(first(node))
            : (node: EvalNode) => {
                let value = first(node);
                for (const step of rest) value = step(value);
                return value;
            };
    return { get, attribute: scope.attributes.get(segments.at(-1)!), text: segments.join('.'), cost: segments.length, slot: directSlot };
}

function orderOf(value: CompiledValue): readonly string[] | undefined {
    return value.attribute?.type.kind === 'ordered' ? value.attribute.type.values : undefined;
}

/** A comparison operator over values; ordered enums compare by declaration order, numbers by value. */
function comparator(operator: Comparison['operator'], order: readonly string[] | undefined): (left: Value, right: Value) => boolean {
    if (operator === '==') return valueEquals;
    if (operator === '!=') return (left, right) => !valueEquals(left, right);
    // An ordered attribute compares by declaration order, never with numbers; anything else by number.
    const rank = order
        ? (value: Value): number | undefined => {
            const position = typeof value === 'string' ? order.indexOf(value) : -1;
            return position < 0 ? undefined : position;
        }
        : (value: Value): number | undefined => typeof value === 'number' ? value : undefined;
    const holds = {
        '<': (a: number, b: number) => a < b, '<=': (a: number, b: number) => a <= b,
        '>': (a: number, b: number) => a > b, '>=': (a: number, b: number) => a >= b
    }[operator];
    return (left, right) => {
        const a = rank(left);
        const b = rank(right);
        return a !== undefined && b !== undefined && holds(a, b);
    };
}

function isOfKind(value: Value, kind: string): boolean {
    if (!isNode(value)) return false;
    return kind === 'element' ? value.type === 'element' : value.kind === kind;
}

/** The source text of a condition, on one line, for explanations. */
export function textOf(node: AstNode): string {
    return (node.$cstNode?.text ?? '').replace(/\s+/g, ' ').trim();
}
