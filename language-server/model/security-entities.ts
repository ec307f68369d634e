import type { AstNode, Reference } from 'langium';
import type { Data, Event, Mitigation, Requirement, Story } from '../generated/ast.js';
import type { Vocabulary } from '../knowledge/knowledge-base-types.js';
import { categorisationOf } from './categorisation.js';
import { groupProperties } from './property-grouping.js';
import { locationOf } from './source-location.js';
import type { DataAsset, DetectionEvent, MitigationStatus, ModelMitigation, SecurityRequirement, UserStory } from './threat-model-types.js';

/** The parts of the threat model that need nothing but their own declaration. */

export function dataAssetOf(data: Data, vocabulary: Vocabulary): DataAsset {
    return { id: data.name, label: data.label, location: locationOf(data), attributes: groupProperties(data.entries, 'data', vocabulary).attributes };
}

export function mitigationOf(mitigation: Mitigation): ModelMitigation {
    return {
        id: mitigation.name, label: mitigation.label, location: locationOf(mitigation),
        status: (mitigation.statuses.at(-1) ?? 'proposed') as MitigationStatus,
        tickets: [...mitigation.tickets], sprint: mitigation.sprints.at(-1), covers: [...mitigation.rules], owner: mitigation.owners.at(-1),
        categorisation: mitigation.categorisations.map(categorisationOf), description: mitigation.descriptions.at(-1)
    };
}

export function eventOf(event: Event): DetectionEvent {
    return {
        id: event.name, label: event.label, location: locationOf(event), source: event.sources.at(-1),
        alerts: [...event.alerts], runbooks: [...event.runbooks], description: event.descriptions.at(-1)
    };
}

export function storyOf(story: Story): UserStory {
    return {
        id: story.name, label: story.label, location: locationOf(story), withouts: [...story.withouts], tickets: [...story.tickets],
        sprint: story.sprints.at(-1), touches: story.touches.map(refId), threats: story.threats.map(refId), description: story.descriptions.at(-1)
    };
}

export function requirementOf(requirement: Requirement): SecurityRequirement {
    return {
        id: requirement.name, label: requirement.label, location: locationOf(requirement),
        categorisation: requirement.categorisations.map(categorisationOf), realizedBy: requirement.mitigations.map(refId),
        description: requirement.descriptions.at(-1)
    };
}

/** The id a reference points at: the target's name when linked, else the text as written. */
export function refId(reference: Reference<AstNode & { name?: string }> | undefined): string {
    return reference?.ref?.name || reference?.$refText || '';
}
