import type { Severity } from '../../model/threat-model-types.js';
import { IssueCodes } from '../../validation/issue-codes.js';
import type { Analysis } from '../analysis-types.js';
import type { Finding } from './finding.js';

/**
 * The open threats of a model by severity: declared threats that are open, and derived threats
 * that are unaddressed or only covered by a mitigation that is not done yet (adopted ones are
 * counted through the threat that adopts them).
 */
export function openThreatCounts({ model, derivedThreats }: Analysis): Record<Severity, number> {
    const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const threat of model.threats) if (threat.status === 'open') counts[threat.severity]++;
    for (const threat of derivedThreats) {
        if (threat.status === 'unaddressed' || (threat.status === 'open' && threat.addressedBy?.kind === 'mitigation')) counts[threat.severity]++;
    }
    return counts;
}

/** The model's security budget (`budget { high 0 medium 3 }`): each severity's open threats within its limit. */
export function budgetFindings(analysis: Analysis): Finding[] {
    const { settings } = analysis.model;
    if (!settings.location) return [];
    const counts = openThreatCounts(analysis);
    return (Object.entries(settings.budget) as [Severity, number][])
        .filter(([severity, limit]) => counts[severity] > limit)
        .map(([severity, limit]) => ({
            code: IssueCodes.BudgetExceeded, level: 'error', location: settings.location!,
            message: `Security budget exceeded: ${counts[severity]} open ${severity} threat${counts[severity] === 1 ? '' : 's'}, the budget allows ${limit}.`,
            data: { severity, open: counts[severity], limit }
        }));
}
