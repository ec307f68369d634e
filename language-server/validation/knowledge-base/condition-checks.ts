import type { ValidationAcceptor } from 'langium';
import {
    isBinaryExpression, isComparison, isCrossesBoundary, isKindTest, isMembership, isNotExpression, isNumberLiteral, isPath, isQuantifier,
    type Comparison, type Expression, type Membership, type Operand, type Path, type Quantifier, type Rule
} from '../../generated/ast.js';
import { NAVIGATION_SEGMENTS } from '../../analysis/navigation.js';
import type { AttributeDeclaration } from '../../knowledge/knowledge-base-types.js';
import type { Subject } from '../../model/threat-model-types.js';
import { IssueCodes } from '../issue-codes.js';
import { reportIssue } from '../report.js';
import { attributeAppliesTo, describeKinds, navigateKinds, nodeKindsOf, quantifiedKinds, relationAppliesTo, type NodeKind } from './condition-subjects.js';

/** Navigation segments that lead to another node (the others read a value). */
const NODE_SEGMENTS = new Set(['source', 'target', 'boundary', 'parent']);
const ORDERING = new Set(['<', '<=', '>', '>=']);

/**
 * Checks a rule's conditions against the vocabulary: every attribute a path reads is declared and
 * can be set on the kind of node the path reaches, nothing follows an attribute in a path, each
 * quantifier ranges over something on that kind, and every literal compared with an attribute is
 * one of its values. Anything else is a condition part that can never hold as written.
 */
export function checkRuleConditions(rule: Rule, attributes: ReadonlyMap<string, AttributeDeclaration>, accept: ValidationAcceptor): void {
    const checker = new ConditionChecker(attributes, accept);
    const kinds = nodeKindsOf(rule.subjects as Subject[]);
    for (const condition of rule.conditions) checker.check(condition, kinds);
}

class ConditionChecker {
    constructor(private readonly attributes: ReadonlyMap<string, AttributeDeclaration>, private readonly accept: ValidationAcceptor) {}

    /** Checks a condition evaluated on nodes of the given kinds. */
    check(expression: Expression, kinds: Set<NodeKind>): void {
        if (isBinaryExpression(expression)) {
            this.check(expression.left, kinds);
            this.check(expression.right, kinds);
        } else if (isNotExpression(expression)) {
            this.check(expression.operand, kinds);
        } else if (isComparison(expression) || isMembership(expression)) {
            this.checkTest(expression, kinds);
        } else if (isKindTest(expression)) {
            this.checkValue(expression.subject, kinds);
        } else if (isQuantifier(expression)) {
            this.checkQuantifier(expression, kinds);
        } else if (isCrossesBoundary(expression)) {
            if (!kinds.has('flow')) this.warn(`'crosses-boundary' holds only on flows, and this part of the condition is evaluated on ${describeKinds(kinds)}: it never holds.`, expression);
        } else if (isPath(expression)) {
            this.checkPath(expression, kinds);
        }
    }

    private checkTest(expression: Comparison | Membership, kinds: Set<NodeKind>): void {
        const attribute = this.checkValue(isComparison(expression) ? expression.left : expression.subject, kinds);
        const operator = isComparison(expression) ? expression.operator : 'in';
        for (const operand of isComparison(expression) ? [expression.right] : expression.values) {
            if (isPath(operand) && operand.segments.length > 1) this.checkPath(operand, kinds);
            else if (attribute) this.checkLiteral(operand, attribute, operator);
        }
    }

    /** The left side of a test: a path (returning the attribute it ends in) or a condition. */
    private checkValue(expression: Expression, kinds: Set<NodeKind>): AttributeDeclaration | undefined {
        if (isPath(expression)) return this.checkPath(expression, kinds);
        this.check(expression, kinds);
        return undefined;
    }

    private checkQuantifier(expression: Quantifier, kinds: Set<NodeKind>): void {
        const from = expression.path ? this.reachedKinds(expression.path, kinds) : kinds;
        if (from && !relationAppliesTo(expression.relation, from)) {
            this.warn(`'${expression.relation}' ranges over nothing on ${describeKinds(from)}: `
                + "'carries' applies to flows and elements, 'stores' to data stores, 'receives' and 'sends' to elements.", expression, 'relation');
        }
        this.check(expression.condition, quantifiedKinds(expression.relation));
    }

    /** The kinds a path leads to when it only navigates; undefined when it reads a value. */
    private reachedKinds(path: Path, start: Set<NodeKind>): Set<NodeKind> | undefined {
        let kinds = start;
        for (const segment of path.segments) {
            const next = navigateKinds(kinds, segment);
            if (!next) {
                this.checkPath(path, start);
                return undefined;
            }
            kinds = next;
        }
        return kinds;
    }

    /** Checks each segment of a path; returns the attribute it ends in, if any. */
    private checkPath(path: Path, start: Set<NodeKind>): AttributeDeclaration | undefined {
        let kinds = start;
        for (const [index, segment] of path.segments.entries()) {
            const next = navigateKinds(kinds, segment);
            if (next) {
                kinds = next;
                continue;
            }
            const last = index === path.segments.length - 1;
            if (NODE_SEGMENTS.has(segment)) {
                this.warn(`'${segment}' does not lead anywhere from ${describeKinds(kinds)}: it has no value here.`, path, 'segments', index);
                return undefined;
            }
            const attribute = Object.hasOwn(NAVIGATION_SEGMENTS, segment) ? undefined : this.attributes.get(segment);
            if (!Object.hasOwn(NAVIGATION_SEGMENTS, segment)) {
                if (!attribute) {
                    reportIssue(this.accept, 'error', IssueCodes.UnknownAttribute,
                        `Unknown attribute '${segment}': no knowledge base in use declares it, so it is never set.`, { node: path, property: 'segments', index });
                    return undefined;
                }
                if (!attributeAppliesTo(attribute, kinds)) {
                    this.warn(`'${segment}' applies to ${attribute.subjects.join(', ')}, not to ${describeKinds(kinds)}: it is never set here.`, path, 'segments', index);
                }
            }
            if (!last) {
                this.warn(`'${segment}' is a value, not an element: '.${path.segments[index + 1]}' after it has no value.`, path, 'segments', index + 1);
                return undefined;
            }
            return attribute;
        }
        return undefined;
    }

    private checkLiteral(operand: Operand, attribute: AttributeDeclaration, operator: string): void {
        const { kind, values } = attribute.type;
        const literal = isPath(operand) ? operand.segments[0] : operand.value;
        const never = operator === '!=' ? 'always holds' : 'never holds';
        if (kind === 'boolean' && literal !== 'true' && literal !== 'false') {
            this.warn(`'${attribute.name}' is a flag: compare it with true or false, not '${literal}'.`, operand);
        } else if (kind === 'number' && !isNumberLiteral(operand)) {
            this.warn(`'${attribute.name}' is a number: compare it with a number, not '${literal}'.`, operand);
        } else if ((kind === 'enum' || kind === 'ordered' || (kind === 'list' && values.length > 0)) && !values.includes(String(literal))) {
            this.warn(`'${literal}' is not a value of '${attribute.name}' (${values.join(', ')}), so '${operator}' against it ${never}.`, operand);
        }
        if (ORDERING.has(operator) && kind !== 'ordered' && kind !== 'number') {
            this.warn(`'${attribute.name}' is not ordered: '${operator}' on it never holds. Declare it 'ordered [...]' or use '==' / 'in'.`, operand);
        }
    }

    private warn(message: string, node: Expression | Operand, property?: string, index?: number): void {
        reportIssue(this.accept, 'warning', IssueCodes.UnsatisfiableCondition, message, { node, property: property as never, index });
    }
}
