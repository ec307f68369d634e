import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Mitigation, Threat } from '../generated/ast.js';
import type { MoatServices } from '../moat-module.js';
import { isExpired } from '../model/threat-status.js';
import { IssueCodes } from './issue-codes.js';
import { reportIssue } from './report.js';

/** Threats need a target, complete unexpired acceptances, live mitigations and known rules. */
export function createThreatChecks(services: MoatServices) {
    const clock = services.workspace.Clock;
    const threatModels = services.model.ThreatModelProvider;
    const knownRules = (node: Threat | Mitigation) => threatModels.vocabulary(AstUtils.getDocument(node)).rules;
    return {
        checkThreatHasTarget(threat: Threat, accept: ValidationAcceptor): void {
            if (threat.targets.length > 0) return;
            reportIssue(accept, 'error', IssueCodes.ThreatWithoutTarget, `Threat '${threat.name}' is on nothing: add 'on <element or flow>'.`, { node: threat, property: 'name' });
        },
        checkAcceptance(threat: Threat, accept: ValidationAcceptor): void {
            for (const acceptance of threat.acceptances) {
                const missing = [
                    acceptance.owner ? undefined : 'an owner (accepted-by "Name (Role)")',
                    acceptance.until ? undefined : 'an expiry (until YYYY-MM-DD)',
                    acceptance.reason ? undefined : 'a reason (because "…")'
                ].filter(part => part !== undefined);
                if (missing.length > 0) {
                    reportIssue(accept, 'error', IssueCodes.IncompleteAcceptance, `A risk acceptance needs ${missing.join(', ')}.`, { node: acceptance, keyword: 'accepted-by' });
                } else if (isExpired(acceptance.until, clock.today())) {
                    reportIssue(accept, 'error', IssueCodes.ExpiredAcceptance,
                        `The acceptance of '${threat.name}' expired on ${acceptance.until}: renew it or mitigate the threat.`, { node: acceptance, property: 'until' });
                }
            }
        },
        checkMitigationsNotAbandoned(threat: Threat, accept: ValidationAcceptor): void {
            threat.mitigations.forEach((reference, index) => {
                if (reference.ref?.statuses.at(-1) !== 'wont-do') return;
                reportIssue(accept, 'warning', IssueCodes.WontDoMitigation,
                    `Mitigation '${reference.ref.name}' is wont-do, so it mitigates nothing: choose another or accept the risk.`, { node: threat, property: 'mitigations', index });
            });
        },
        checkThreatRulesExist(threat: Threat, accept: ValidationAcceptor): void {
            reportUnknownRules(threat, knownRules(threat), accept);
        },
        checkMitigationRulesExist(mitigation: Mitigation, accept: ValidationAcceptor): void {
            reportUnknownRules(mitigation, knownRules(mitigation), accept);
        }
    };
}

function reportUnknownRules(node: Threat | Mitigation, rules: ReadonlyMap<string, unknown>, accept: ValidationAcceptor): void {
    node.rules.forEach((rule, index) => {
        if (rules.has(rule)) return;
        reportIssue(accept, 'error', IssueCodes.UnknownRule, `Unknown rule '${rule}': no knowledge base of this model declares it.`, { node, property: 'rules', index });
    });
}
