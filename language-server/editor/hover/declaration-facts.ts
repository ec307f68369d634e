import type { Analysis } from '../../analysis/analysis-types.js';
import { describeCategorisation } from '../../knowledge/categorisation-descriptions.js';
import type { Categorisation } from '../../model/threat-model-types.js';
import { strideInWords } from '../../model/stride.js';
import { openThreatsBySubject } from '../../render/open-threats.js';
import { markdownText } from '../../report/text-escaping.js';

const MAX_LISTED = 8;

/**
 * What the model says about a declaration, for its hover: a threat's status, severity, STRIDE
 * categories, categorisation titles, mitigations with their status and tickets, and the stories it
 * motivates; an element's or flow's open threats and questions; a mitigation's status, tickets and
 * threats. Undefined for anything else.
 */
export function declarationFacts(analysis: Analysis, id: string): string[] | undefined {
    const { model } = analysis;
    const threat = model.threats.find(each => each.id === id);
    if (threat) {
        const mitigations = threat.mitigations.map(name => model.mitigations.find(each => each.id === name)).filter(each => each !== undefined);
        const stories = model.stories.filter(story => story.threats.includes(id));
        return [
            `**Threat** · ${threat.severity} · ${threat.status} · ${strideInWords(threat.stride) || 'no STRIDE category'}`,
            ...categorisationLines(threat.categorisation),
            ...list('Mitigated by', mitigations.map(each => `${markdownText(each.id)} (${each.status}${each.tickets.length > 0 ? `, ${each.tickets.map(markdownText).join(', ')}` : ''})`)),
            ...list('Motivated by', stories.map(story => markdownText(story.label ?? story.id))),
            ...(threat.acceptance ? [`Accepted by ${markdownText(threat.acceptance.owner ?? '?')} until ${threat.acceptance.until ?? '?'}${threat.acceptance.expired ? ' (expired)' : ''}`] : [])
        ];
    }
    const mitigation = model.mitigations.find(each => each.id === id);
    if (mitigation) {
        const threats = model.threats.filter(each => each.mitigations.includes(id));
        return [
            `**Mitigation** · ${mitigation.status}${mitigation.tickets.length > 0 ? ` · ${mitigation.tickets.map(markdownText).join(', ')}` : ' · no ticket'}`,
            ...categorisationLines(mitigation.categorisation),
            ...list('Mitigates', threats.map(each => `${markdownText(each.id)} (${each.severity}, ${each.status})`)),
            ...(mitigation.covers.length > 0 ? [`Covers every threat of ${mitigation.covers.map(markdownText).join(', ')}`] : [])
        ];
    }
    const subject = model.elements.find(each => each.id === id) ?? model.flows.find(each => each.id === id);
    if (!subject) return undefined;
    const open = openThreatsBySubject(analysis).get(id);
    const openDerived = analysis.derivedThreats.filter(each => each.subject === id && (each.status === 'unaddressed' || each.status === 'open'));
    const openDeclared = model.threats.filter(each => each.status === 'open' && each.targets.includes(id));
    const questions = analysis.questions.filter(each => each.subject === id);
    const kind = 'kind' in subject ? subject.kind : 'flow';
    return [
        `**${kind}** · ${open ? `${open.count} open threat${open.count === 1 ? '' : 's'}, worst ${open.worst}` : 'no open threat'} · ${questions.filter(each => each.status === 'open').length} of ${questions.length} STRIDE questions open`,
        ...list('Open threats', [
            ...openDeclared.map(each => `${markdownText(each.label ?? each.id)} (${each.severity})`),
            ...openDerived.map(each => `${markdownText(each.label ?? each.rule)} (${each.severity}, \`${each.id.replace(/`/g, '')}\`)`)
        ])
    ];
}

function categorisationLines(categorisation: readonly Categorisation[]): string[] {
    return categorisation.map(each => {
        const description = describeCategorisation(each);
        return description ? markdownText(description.title) : `${each.scheme.toUpperCase()} ${markdownText(String(each.id))}`;
    });
}

function list(heading: string, items: readonly string[]): string[] {
    if (items.length === 0) return [];
    const shown = items.slice(0, MAX_LISTED).map(item => `- ${item}`);
    if (items.length > MAX_LISTED) shown.push(`- … and ${items.length - MAX_LISTED} more`);
    return [`${heading}:`, ...shown];
}
