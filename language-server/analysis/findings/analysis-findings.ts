import type { Analysis } from '../analysis-types.js';
import { budgetFindings } from './budget-findings.js';
import { emptyAnswerFindings, unaddressedThreatFindings, unansweredQuestionFindings } from './derived-threat-findings.js';
import type { Finding } from './finding.js';
import {
    mitigationWithoutTicketFindings, storyFindings, undetectedThreatFindings, unmitigatedThreatFindings, unmotivatedThreatFindings,
    unplannedMitigationFindings, unrealizedRequirementFindings
} from './traceability-findings.js';

/** Everything the analysis reports about a model, in every file of it. */
export function analysisFindings(analysis: Analysis): Finding[] {
    const { model } = analysis;
    return [
        ...unaddressedThreatFindings(analysis),
        ...unansweredQuestionFindings(analysis),
        ...emptyAnswerFindings(analysis),
        ...unmitigatedThreatFindings(model),
        ...mitigationWithoutTicketFindings(model),
        ...storyFindings(model),
        ...unmotivatedThreatFindings(model),
        ...unrealizedRequirementFindings(model),
        ...unplannedMitigationFindings(model),
        ...undetectedThreatFindings(model),
        ...budgetFindings(analysis)
    ];
}
