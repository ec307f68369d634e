import type { ThreatModel } from '../../model/threat-model-types.js';
import { IssueCodes } from '../../validation/issue-codes.js';
import type { Finding } from './finding.js';

/** Declared threats with nothing against them: no mitigation, no acceptance, not marked not applicable. */
export function unmitigatedThreatFindings(model: ThreatModel): Finding[] {
    return model.threats.filter(threat => threat.mitigations.length === 0 && !threat.acceptance && !threat.notApplicable).map(threat => ({
        code: IssueCodes.UnmitigatedThreat, level: 'warning', location: threat.location,
        message: `Threat ${threat.id} (${threat.severity}) has no mitigation and no acceptance: add 'mitigated-by', or accept the risk with an owner, date and reason.`,
        data: { threat: threat.id }
    }));
}

/** Mitigations that nobody can track: no ticket (abandoned, `wont-do`, ones are left alone). */
export function mitigationWithoutTicketFindings(model: ThreatModel): Finding[] {
    return model.mitigations.filter(mitigation => mitigation.tickets.length === 0 && mitigation.status !== 'wont-do').map(mitigation => ({
        code: IssueCodes.MitigationWithoutTicket, level: 'information', location: mitigation.location,
        message: `Mitigation ${mitigation.id} (${mitigation.status}) has no ticket: add 'ticket "KEY-123"' so its delivery can be tracked.`,
        data: { mitigation: mitigation.id }
    }));
}

/** Stories that do not say what must not happen, or say it without linking a threat. */
export function storyFindings(model: ThreatModel): Finding[] {
    return model.stories.flatMap((story): Finding[] => {
        if (story.withouts.length === 0) {
            return [{
                code: IssueCodes.MissingWithoutClause, level: 'warning', location: story.location,
                message: `Story ${story.id} has no WITHOUT clause: say what must not happen, e.g. without "exposing my card number".`,
                data: { story: story.id }
            }];
        }
        if (story.threats.length > 0) return [];
        return [{
            code: IssueCodes.UnlinkedWithoutClause, level: 'warning', location: story.location,
            message: `Story ${story.id} says "without ${story.withouts[0]}" but links no threat: add 'threats [...]' naming the threats that clause is about.`,
            data: { story: story.id, touches: story.touches }
        }];
    });
}

/** Threats no story or requirement asks for: nothing tells the team why they matter (a hint). */
export function unmotivatedThreatFindings(model: ThreatModel): Finding[] {
    const inStories = new Set(model.stories.flatMap(story => story.threats));
    const realising = new Set(model.requirements.flatMap(requirement => requirement.realizedBy));
    return model.threats
        .filter(threat => !inStories.has(threat.id) && !threat.mitigations.some(mitigation => realising.has(mitigation)) && threat.status !== 'not-applicable')
        .map(threat => ({
            code: IssueCodes.UnmotivatedThreat, level: 'hint', location: threat.location,
            message: `No story or requirement motivates threat ${threat.id}: link it from a story's 'threats' or realise one of its mitigations in a requirement.`,
            data: { threat: threat.id }
        }));
}

/** Requirements nothing realises. */
export function unrealizedRequirementFindings(model: ThreatModel): Finding[] {
    return model.requirements.filter(requirement => requirement.realizedBy.length === 0).map(requirement => ({
        code: IssueCodes.UnrealizedRequirement, level: 'warning', location: requirement.location,
        message: `Requirement ${requirement.id} is realised by nothing: add 'realized-by [...]' with the mitigations that meet it.`,
        data: { requirement: requirement.id }
    }));
}

/**
 * A story planned for a sprint ships with its threats' mitigations: each must be done already or
 * planned for the same sprint (`sprint "…"` on the mitigation).
 */
export function unplannedMitigationFindings(model: ThreatModel): Finding[] {
    const threats = new Map(model.threats.map(threat => [threat.id, threat]));
    const mitigations = new Map(model.mitigations.map(mitigation => [mitigation.id, mitigation]));
    return model.stories.filter(story => story.sprint !== undefined).flatMap(story => {
        const ids = new Set(story.threats.flatMap(id => threats.get(id)?.mitigations ?? []));
        return [...ids].map(id => mitigations.get(id)).filter(mitigation => mitigation !== undefined)
            .filter(mitigation => mitigation.status !== 'done' && mitigation.sprint !== story.sprint)
            .map((mitigation): Finding => ({
                code: IssueCodes.UnplannedMitigation, level: 'warning', location: story.location,
                message: `Story ${story.id} is planned for sprint ${story.sprint}, but mitigation ${mitigation.id} (${mitigation.status}`
                    + `${mitigation.sprint ? `, sprint ${mitigation.sprint}` : ''}) is neither done nor planned for it.`,
                data: { story: story.id, mitigation: mitigation.id, sprint: story.sprint }
            }));
    });
}

/** With `depth full`, every high or critical threat that still matters names a detection event. */
export function undetectedThreatFindings(model: ThreatModel): Finding[] {
    if (model.settings.depth !== 'full') return [];
    return model.threats
        .filter(threat => (threat.severity === 'high' || threat.severity === 'critical') && threat.events.length === 0 && threat.status !== 'not-applicable')
        .map(threat => ({
            code: IssueCodes.UndetectedThreat, level: 'warning', location: threat.location,
            message: `Threat ${threat.id} is ${threat.severity} but has no detection event: add 'detected-by' so the SOC can see it happen.`,
            data: { threat: threat.id }
        }));
}
