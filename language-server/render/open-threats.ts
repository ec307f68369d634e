import type { Analysis } from '../analysis/analysis-types.js';
import type { Severity } from '../model/threat-model-types.js';
import { SEVERITIES_WORST_FIRST } from '../model/threat-status.js';

/** The open threats on one element or flow: how many, and the worst severity among them. */
export interface OpenThreats {
    count: number;
    worst: Severity;
}

/** The open threats on each element and flow: declared open ones and derived ones not yet addressed or mitigated. */
export function openThreatsBySubject({ model, derivedThreats }: Analysis): Map<string, OpenThreats> {
    const open = new Map<string, OpenThreats>();
    const note = (subject: string, severity: Severity) => {
        const current = open.get(subject);
        if (!current) open.set(subject, { count: 1, worst: severity });
        else {
            current.count++;
            if (SEVERITIES_WORST_FIRST.indexOf(severity) < SEVERITIES_WORST_FIRST.indexOf(current.worst)) current.worst = severity;
        }
    };
    for (const threat of model.threats) if (threat.status === 'open') for (const target of threat.targets) note(target, threat.severity);
    for (const threat of derivedThreats) if (threat.status === 'unaddressed' || threat.status === 'open') note(threat.subject, threat.severity);
    return open;
}

/** The worst severity of the open threats on each element and flow. */
export function worstOpenSeverity(analysis: Analysis): Map<string, Severity> {
    return new Map([...openThreatsBySubject(analysis)].map(([subject, { worst }]) => [subject, worst]));
}
