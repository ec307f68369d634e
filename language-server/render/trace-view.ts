import type { ThreatModel } from '../model/threat-model-types.js';
import type { TraceItem, TraceView } from './trace-types.js';

/**
 * The traceability view of a model: its stories, declared threats, mitigations and their tickets,
 * linked as the model links them, with the gaps marked — a story with no WITHOUT clause, a WITHOUT
 * clause linked to no threat, an open threat with no mitigation, a mitigation with no ticket.
 */
export function traceView(model: ThreatModel): TraceView {
    const links: TraceView['links'] = [];
    const declared = new Set([...model.threats.map(threat => threat.id), ...model.mitigations.map(mitigation => mitigation.id)]);
    const stories: TraceItem[] = model.stories.map(story => {
        for (const threat of story.threats) if (declared.has(threat)) links.push({ from: story.id, to: threat });
        const gap = story.withouts.length === 0 ? 'no WITHOUT clause' : story.threats.length === 0 ? 'WITHOUT clause linked to no threat' : undefined;
        return { key: story.id, label: story.label ?? story.id, detail: story.sprint ? `sprint ${story.sprint}` : undefined, gap };
    });
    const threats: TraceItem[] = model.threats.map(threat => {
        for (const mitigation of threat.mitigations) if (declared.has(mitigation)) links.push({ from: threat.id, to: mitigation });
        const open = threat.status === 'open';
        return {
            key: threat.id, label: threat.label ?? threat.id, detail: `${threat.severity} · ${threat.status}`,
            severity: open ? threat.severity : undefined, gap: open && threat.mitigations.length === 0 ? 'no mitigation' : undefined
        };
    });
    const tickets = new Map<string, TraceItem>();
    const mitigations: TraceItem[] = model.mitigations.map(mitigation => {
        for (const ticket of mitigation.tickets) {
            tickets.set(ticket, { key: `ticket:${ticket}`, label: ticket });
            links.push({ from: mitigation.id, to: `ticket:${ticket}` });
        }
        const needsTicket = mitigation.tickets.length === 0 && mitigation.status !== 'wont-do';
        return { key: mitigation.id, label: mitigation.label ?? mitigation.id, detail: mitigation.status, gap: needsTicket ? 'no ticket' : undefined };
    });
    const threatsInOrder = followingLinks(stories, threats, links);
    const mitigationsInOrder = followingLinks(threatsInOrder, mitigations, links);
    return { columns: { stories, threats: threatsInOrder, mitigations: mitigationsInOrder, tickets: followingLinks(mitigationsInOrder, [...tickets.values()], links) }, links };
}

/** The next column ordered by the first row linking to each item (unlinked ones last, in model order), so links cross less. */
function followingLinks(previous: readonly TraceItem[], next: readonly TraceItem[], links: TraceView['links']): TraceItem[] {
    const rank = new Map(previous.map((item, index) => [item.key, index]));
    const first = new Map<string, number>();
    for (const { from, to } of links) {
        const position = rank.get(from);
        if (position !== undefined && position < (first.get(to) ?? Infinity)) first.set(to, position);
    }
    return next.map((item, index) => ({ item, index })).sort((left, right) =>
        (first.get(left.item.key) ?? Infinity) - (first.get(right.item.key) ?? Infinity) || left.index - right.index).map(({ item }) => item);
}
