import type { ModelMitigation, ModelThreat, StrideCategory, ThreatModel } from '../model/threat-model-types.js';
import type { DerivedThreat } from './analysis-types.js';
import type { EvalNode, ModelIndex } from './model-index.js';

/**
 * Sets each derived threat's status from what the model says about it (DESIGN §3): a threat that
 * adopts it (`from RULE`, on its subject or on nothing in particular) gives it that threat's status;
 * otherwise a mitigation that `covers` its rule addresses it (mitigated once one is done; a
 * `wont-do` mitigation addresses nothing); otherwise answering every one of its STRIDE categories
 * `not-applicable` on the subject makes it not applicable. What is left is unaddressed.
 */
export function addressDerivedThreats(derived: DerivedThreat[], model: ThreatModel, index: ModelIndex): void {
    const adopters = groupByRule(model.threats, threat => threat.rules);
    const coverers = groupByRule(model.mitigations.filter(mitigation => mitigation.status !== 'wont-do'), mitigation => mitigation.covers);
    for (const threat of derived) {
        const adopter = adopters.get(threat.rule)?.find(candidate => adopts(candidate, threat.subject));
        if (adopter) {
            threat.status = adopter.status;
            threat.addressedBy = { kind: 'threat', id: adopter.id };
            continue;
        }
        const covering = coverers.get(threat.rule) ?? [];
        if (covering.length > 0) {
            const done = covering.find(mitigation => mitigation.status === 'done');
            threat.status = done ? 'mitigated' : 'open';
            threat.addressedBy = { kind: 'mitigation', id: (done ?? covering[0]).id };
            continue;
        }
        if (answeredNotApplicable(threat.stride, subjectNode(threat, index))) {
            threat.status = 'not-applicable';
            threat.addressedBy = { kind: 'answer' };
        }
    }
}

function adopts(threat: ModelThreat, subject: string): boolean {
    return threat.targets.length === 0 || threat.targets.includes(subject);
}

function groupByRule<T extends ModelThreat | ModelMitigation>(items: readonly T[], rulesOf: (item: T) => readonly string[]): Map<string, T[]> {
    const byRule = new Map<string, T[]>();
    for (const item of items) {
        for (const rule of rulesOf(item)) {
            const list = byRule.get(rule);
            if (list) list.push(item);
            else byRule.set(rule, [item]);
        }
    }
    return byRule;
}

function subjectNode(threat: DerivedThreat, index: ModelIndex): EvalNode | undefined {
    const kind = threat.subjectKind;
    return index.node(threat.subject, kind === 'flow' || kind === 'data' || kind === 'boundary' ? kind : 'element');
}

function answeredNotApplicable(categories: readonly StrideCategory[], node: EvalNode | undefined): boolean {
    if (!node || categories.length === 0 || (node.type !== 'element' && node.type !== 'flow')) return false;
    const answers = node.entity.answers;
    return categories.every(category => answers.some(answer => answer.category === category && answer.notApplicable));
}
