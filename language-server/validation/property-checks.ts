import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import { isDataList, type Boundary, type Data, type Element, type Flow, type PropertyEntry } from '../generated/ast.js';
import type { MoatServices } from '../moat-module.js';
import { groupProperties } from '../model/property-grouping.js';
import type { Subject } from '../model/threat-model-types.js';
import { IssueCodes, type IssueCode } from './issue-codes.js';
import { reportIssue } from './report.js';

/**
 * Property blocks read against the vocabulary: unknown attributes, values of the wrong type,
 * attributes set twice, and `carries`/`stores` where they mean nothing.
 */
export function createPropertyChecks(services: MoatServices) {
    const threatModels = services.model.ThreatModelProvider;
    const checkBlock = (node: AstNode, entries: readonly PropertyEntry[], subject: Subject, accept: ValidationAcceptor) => {
        const vocabulary = threatModels.vocabulary(AstUtils.getDocument(node));
        for (const problem of groupProperties(entries, subject, vocabulary).problems) {
            reportIssue(accept, problem.severity, problem.code as IssueCode, problem.message, { node: problem.node });
        }
    };
    return {
        checkElementProperties(element: Element, accept: ValidationAcceptor): void {
            checkBlock(element, element.entries, element.kind, accept);
            for (const entry of element.entries.filter(isDataList)) {
                if (entry.relation === 'carries') {
                    reportIssue(accept, 'error', IssueCodes.MisplacedProperty, `Elements do not carry data; flows do. Use 'stores' on a data store or 'carries' on a flow.`, { node: entry, property: 'relation' });
                } else if (element.kind !== 'datastore') {
                    reportIssue(accept, 'error', IssueCodes.MisplacedProperty, `Only data stores store data, not ${element.kind === 'process' ? 'processes' : `${element.kind}s`}.`, { node: entry, property: 'relation' });
                }
            }
        },
        checkFlowProperties(flow: Flow, accept: ValidationAcceptor): void {
            checkBlock(flow, flow.entries, 'flow', accept);
            for (const entry of flow.entries.filter(isDataList)) {
                if (entry.relation === 'stores') {
                    reportIssue(accept, 'error', IssueCodes.MisplacedProperty, `Flows carry data; only data stores store it. Use 'carries'.`, { node: entry, property: 'relation' });
                }
            }
        },
        checkDataProperties(data: Data, accept: ValidationAcceptor): void {
            checkBlock(data, data.entries, 'data', accept);
        },
        checkBoundaryProperties(boundary: Boundary, accept: ValidationAcceptor): void {
            checkBlock(boundary, boundary.entries, 'boundary', accept);
        }
    };
}
