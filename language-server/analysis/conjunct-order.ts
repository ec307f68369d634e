import { isBinaryExpression, type Expression } from '../generated/ast.js';
import type { CompiledCondition, CompileScope } from './compiled-condition.js';
import { compileCondition } from './condition-compiler.js';
import type { EvalNode, ModelIndex } from './model-index.js';

/** Evaluations between two re-orderings of a rule's conjuncts (a power of two). */
const REORDER_EVERY = 1024;
/** One evaluation in this many (a power of two) is counted: a sample is enough to rank conjuncts. */
const SAMPLE_EVERY = 8;

/**
 * All of a rule's conditions as one list of conjuncts (`when a and b` / `when c` → a, b, c), tried
 * in the order that rejects a subject soonest. Conditions have no side effects, so the order never
 * changes a result: it starts cheapest first and then adapts, every few hundred evaluations, to
 * how often each conjunct actually holds — a cheap test that nearly always holds is worth less
 * than a slightly dearer one that nearly always fails.
 */
export class ConjunctOrder {
    /** The conjuncts in the order written, for explanations. */
    readonly written: readonly CompiledCondition[];
    private readonly conjuncts: { condition: CompiledCondition; tested: number; held: number }[];
    /** The conjuncts' tests in the current order: the unsampled evaluations call them directly. */
    private tests: CompiledCondition['test'][];
    private evaluations = 0;

    constructor(conditions: readonly Expression[], scope: CompileScope) {
        this.written = conditions.flatMap(flattenAnd).map(expression => compileCondition(expression, scope));
        this.conjuncts = this.written.map(condition => ({ condition, tested: 0, held: 0 }));
        this.conjuncts.sort((a, b) => a.condition.cost - b.condition.cost);
        this.tests = this.conjuncts.map(conjunct => conjunct.condition.test);
    }

    /** Whether every conjunct holds on the node. */
    holds(node: EvalNode, index: ModelIndex): boolean {
        const evaluation = ++this.evaluations;
        if ((evaluation & (SAMPLE_EVERY - 1)) !== 0) {
            const tests = this.tests;
            for (let position = 0; position < tests.length; position++) if (!tests[position](node, index)) return false;
            return true;
        }
        if ((evaluation & (REORDER_EVERY - 1)) === 0) this.reorder();
        for (const conjunct of this.conjuncts) {
            conjunct.tested++;
            if (!conjunct.condition.test(node, index)) return false;
            conjunct.held++;
        }
        return true;
    }

    /** Expected cost of reaching a rejection: a conjunct's cost over the chance that it rejects. */
    private reorder(): void {
        const rank = ({ condition, tested, held }: ConjunctOrder['conjuncts'][number]) =>
            condition.cost / Math.max(1 - (held + 1) / (tested + 2), 0.01);
        this.conjuncts.sort((a, b) => rank(a) - rank(b));
        this.tests = this.conjuncts.map(conjunct => conjunct.condition.test);
    }
}

function flattenAnd(expression: Expression): Expression[] {
    return isBinaryExpression(expression) && expression.operator === 'and' ? [...flattenAnd(expression.left), ...flattenAnd(expression.right)] : [expression];
}
