import type { Analysis } from '../analysis/analysis-types.js';
import type { SourceLocation } from '../model/threat-model-types.js';
import type { PreviewData } from '../protocol.js';
import { diagramGraph } from '../render/diagram-graph.js';
import { openThreatsBySubject } from '../render/open-threats.js';
import { traceView } from '../render/trace-view.js';

/** What the preview of a document shows: the model's DFD, traceability view, questions and where each thing is declared. */
export function previewData(uri: string, analysis: Analysis): PreviewData {
    const { model } = analysis;
    const locations: Record<string, SourceLocation> = Object.create(null);
    for (const entity of [...model.boundaries, ...model.elements, ...model.flows, ...model.stories, ...model.threats, ...model.mitigations]) {
        // The first declaration wins, as in the diagram (a second one is a duplicate-name error).
        if (!Object.hasOwn(locations, entity.id)) locations[entity.id] = entity.location;
    }
    let openThreats = 0;
    for (const { count } of openThreatsBySubject(analysis).values()) openThreats += count;
    return {
        uri,
        title: model.settings.label ?? model.settings.name ?? 'Threat model',
        diagram: diagramGraph(analysis),
        trace: traceView(model),
        // Question records serialise themselves (toJSON) on their way to the client: no copies here.
        questions: analysis.questions,
        locations,
        counts: {
            elements: model.elements.length, flows: model.flows.length, openThreats,
            openQuestions: analysis.questions.filter(question => question.status === 'open').length
        }
    };
}
