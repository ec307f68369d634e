import type { Acceptance, ModelMitigation, Severity, ThreatStatus } from './threat-model-types.js';

const LEVELS: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** Severities from worst to least, for sorting and reports. */
export const SEVERITIES_WORST_FIRST: readonly Severity[] = [...LEVELS].reverse();

/**
 * A threat's severity: the one stated, else the rounded-up mean of impact and likelihood (high
 * impact and low likelihood make medium), else impact or likelihood alone, else medium.
 */
export function deriveSeverity(stated?: Severity, impact?: Severity, likelihood?: Severity): Severity {
    if (stated) return stated;
    if (impact && likelihood) return LEVELS[Math.ceil((LEVELS.indexOf(impact) + LEVELS.indexOf(likelihood)) / 2)];
    return impact ?? likelihood ?? 'medium';
}

/** Whether an acceptance's `until` date (ISO, `YYYY-MM-DD`) lies before today. */
export function isExpired(until: string | undefined, today: string): boolean {
    return until !== undefined && until < today;
}

/**
 * A threat's status (DESIGN §3): not-applicable when marked so; accepted while a complete
 * acceptance has not expired; mitigated when it has mitigations and every one is done; else open.
 */
export function deriveThreatStatus(
    threat: { notApplicable?: unknown; acceptance?: Acceptance; mitigations: readonly string[] },
    mitigations: ReadonlyMap<string, ModelMitigation>
): ThreatStatus {
    if (threat.notApplicable) return 'not-applicable';
    const acceptance = threat.acceptance;
    if (acceptance && acceptance.owner && acceptance.until && acceptance.reason && !acceptance.expired) return 'accepted';
    const done = threat.mitigations.length > 0
        && threat.mitigations.every(id => mitigations.get(id)?.status === 'done');
    return done ? 'mitigated' : 'open';
}
