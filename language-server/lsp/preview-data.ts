import type { Analysis } from '../analysis/analysis-types.js';
import { openThreatCounts } from '../analysis/findings/budget-findings.js';
import type { SourceLocation } from '../model/threat-model-types.js';
import type { ModelSummary, PreviewData } from '../protocol.js';
import { diagramGraph } from '../render/diagram-graph.js';
import { traceView } from '../render/trace-view.js';

/** What the preview of a document shows: the model's DFD, traceability view, questions and where each thing is declared. */
export function previewData(uri: string, analysis: Analysis): PreviewData {
    const { model } = analysis;
    const locations: Record<string, SourceLocation> = Object.create(null);
    for (const entity of [...model.boundaries, ...model.elements, ...model.flows, ...model.stories, ...model.threats, ...model.mitigations]) {
        // The first declaration wins, as in the diagram (a second one is a duplicate-name error).
        if (!Object.hasOwn(locations, entity.id)) locations[entity.id] = entity.location;
    }
    // Question records serialise themselves (toJSON) on their way to the client: no copies here.
    return { uri, ...modelSummary(analysis), diagram: diagramGraph(analysis), trace: traceView(model), questions: analysis.questions, locations };
}

/** A model's title and counts; open threats are counted as `moat check` and the security budget count them. */
export function modelSummary(analysis: Analysis): ModelSummary {
    const { model } = analysis;
    return {
        title: model.settings.label ?? model.settings.name ?? 'Threat model',
        counts: {
            elements: model.elements.length, flows: model.flows.length,
            openThreats: Object.values(openThreatCounts(analysis)).reduce((sum, count) => sum + count, 0),
            openQuestions: analysis.questions.reduce((open, question) => open + (question.status === 'open' ? 1 : 0), 0)
        }
    };
}
