import type { ModelElement, ModelEntity, ModelFlow, ThreatModel } from '../model/threat-model-types.js';
import { modelEntities } from '../model/model-entities.js';
import { IssueCodes } from './issue-codes.js';
import type { ModelFinding } from './model-checks.js';

/** Every named entity of the model must have a unique name; unnamed flows must differ in their ends. */
export function findDuplicateNames(model: ThreatModel): ModelFinding[] {
    const first = new Map<string, ModelEntity>();
    const findings: ModelFinding[] = [];
    for (const entity of modelEntities(model)) {
        const earlier = first.get(entity.id);
        if (!earlier) {
            first.set(entity.id, entity);
            continue;
        }
        const unnamedFlow = isFlow(entity) && !entity.named ? entity : undefined;
        const message = unnamedFlow
            ? `Another unnamed flow goes from ${unnamedFlow.source} to ${unnamedFlow.target}: name them ('flow Name: …') to tell them apart.`
            : `'${entity.id}' is already declared${earlier.location.uri === entity.location.uri ? '' : ' in another file'} (line ${earlier.location.range.start.line + 1}); names are unique in a model.`;
        findings.push({ severity: 'error', code: IssueCodes.DuplicateName, message, location: entity.location });
        // A document reports only findings located in it, and an imported file does not see its
        // importer's declarations: flag the earlier declaration too, or a clash across files is lost.
        if (!unnamedFlow && earlier.location.uri !== entity.location.uri) {
            findings.push({
                severity: 'error', code: IssueCodes.DuplicateName, location: earlier.location,
                message: `'${entity.id}' is declared again in another file (line ${entity.location.range.start.line + 1}); names are unique in a model.`
            });
        }
    }
    return findings;
}

/**
 * The rules of data-flow diagrams: a flow joins two different elements, at least one of them a
 * process (data moves between stores and external entities only through a process); every element
 * takes part in a flow; every boundary contains an element.
 */
export function findDiagramProblems(model: ThreatModel, usedElements: ReadonlySet<string>): ModelFinding[] {
    const elements = new Map(model.elements.map(element => [element.id, element]));
    const findings: ModelFinding[] = [];
    for (const flow of model.flows) {
        if (flow.source === flow.target) {
            findings.push({ severity: 'error', code: IssueCodes.SelfFlow, message: `Flow '${flow.id}' goes from ${flow.source} to itself.`, location: flow.location });
            continue;
        }
        const source = elements.get(flow.source);
        const target = elements.get(flow.target);
        if (source && target && source.kind !== 'process' && target.kind !== 'process') {
            findings.push({ severity: 'error', code: IssueCodes.FlowWithoutProcess, location: flow.location,
                message: `Flow '${flow.id}' joins ${describe(source)} and ${describe(target)} with no process between: data moves only through a process.` });
        }
    }
    for (const element of model.elements) {
        if (usedElements.has(element.id)) continue;
        findings.push({ severity: 'warning', code: IssueCodes.IsolatedElement, location: element.location,
            message: `${capitalise(describe(element))} is in no flow: connect it or remove it.` });
    }
    const enclosing = new Set(model.elements.flatMap(element => element.boundaries));
    for (const boundary of model.boundaries) {
        if (enclosing.has(boundary.id)) continue;
        findings.push({ severity: 'warning', code: IssueCodes.EmptyBoundary, location: boundary.location,
            message: `Boundary '${boundary.id}' contains no element.` });
    }
    return findings;
}

function isFlow(entity: ModelEntity): entity is ModelFlow {
    return 'named' in entity;
}

const KIND_WORDS = { actor: 'actor', external: 'external system', process: 'process', datastore: 'data store' } as const;

function describe(element: ModelElement): string {
    return `${KIND_WORDS[element.kind]} '${element.id}'`;
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
