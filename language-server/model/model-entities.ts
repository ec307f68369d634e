import type { ModelEntity, ThreatModel } from './threat-model-types.js';

/** Every declared entity of a model, in declaration kinds' order: the one namespace names live in. */
export function modelEntities(model: ThreatModel): ModelEntity[] {
    return [
        ...model.elements, ...model.boundaries, ...model.flows, ...model.data, ...model.threats,
        ...model.mitigations, ...model.events, ...model.stories, ...model.requirements
    ];
}
