import type { LangiumDocument } from 'langium';
import {
    isAnswer, isBoundary, isCodePaths, isData, isDataList, isElement, isEvent, isFlow, isMitigation, isModel, isRequirement, isStory, isThreat,
    type Boundary, type Element, type Flow, type Model, type ModelFile, type PropertyEntry, type Threat
} from '../generated/ast.js';
import { DEFAULT_KNOWLEDGE_BASE } from '../knowledge/builtin-knowledge-bases.js';
import type { Vocabulary } from '../knowledge/knowledge-base-types.js';
import { sameItems } from '../same-items.js';
import { categorisationOf } from './categorisation.js';
import { entitiesOf } from './declaration-entities.js';
import { groupProperties } from './property-grouping.js';
import { dataAssetOf, eventOf, mitigationOf, refId, requirementOf, storyOf } from './security-entities.js';
import { locationOf } from './source-location.js';
import type {
    Answer, DiagnosticLevel, ModelBoundary, ModelMitigation, ModelElement, ModelFlow, ModelSettings, ModelThreat, Severity, StrideCategory, ThreatModel
} from './threat-model-types.js';
import { deriveSeverity, deriveThreatStatus, isExpired } from './threat-status.js';

/** How derived threats are reported when the model's `diagnostics` setting says nothing. */
export const DEFAULT_DIAGNOSTIC_LEVELS: Readonly<Record<Severity, DiagnosticLevel>> = {
    critical: 'error', high: 'warning', medium: 'warning', low: 'information', info: 'hint'
};

/** What building a threat model needs besides the documents. */
export interface BuildContext {
    vocabulary: Vocabulary;
    /** Today as `YYYY-MM-DD`, for acceptance expiry. */
    today: string;
}

/** The first `model` declaration of a document's import closure (the root document first). */
export function findModelDeclaration(documents: readonly LangiumDocument<ModelFile>[]): Model | undefined {
    for (const document of documents) {
        const model = document.parseResult.value.declarations.find(isModel);
        if (model) return model;
    }
    return undefined;
}

/** The settings of a `model` declaration, with defaults for what it leaves out. */
export function settingsOf(model: Model | undefined): ModelSettings {
    const knowledgeBases = model?.knowledgeBases ?? [];
    const budget: ModelSettings['budget'] = {};
    for (const limit of model?.budgets.at(-1)?.limits ?? []) budget[limit.level] = limit.count;
    const diagnosticLevels = { ...DEFAULT_DIAGNOSTIC_LEVELS };
    for (const mapping of model?.diagnosticLevels.at(-1)?.mappings ?? []) diagnosticLevels[mapping.level as Severity] = mapping.diagnostic as DiagnosticLevel;
    return {
        name: model?.name,
        label: model?.label,
        product: model?.products.at(-1),
        owner: model?.owners.at(-1),
        knowledgeBases: knowledgeBases.length > 0 ? [...knowledgeBases] : [DEFAULT_KNOWLEDGE_BASE],
        depth: model?.depths.at(-1) ?? 'full',
        budget,
        diagnosticLevels,
        description: model?.descriptions.at(-1),
        location: model ? locationOf(model) : undefined
    };
}

/**
 * Builds the threat model of a document and its imports. A single pass over the declarations
 * collects every entity; flows' boundary crossings and threats' statuses are derived once the
 * elements and mitigations are known.
 */
export function buildThreatModel(documents: readonly LangiumDocument<ModelFile>[], context: BuildContext): ThreatModel {
    const model: ThreatModel = {
        uri: documents[0]?.uri.toString() ?? '',
        files: documents.map(document => document.uri.toString()),
        settings: settingsOf(findModelDeclaration(documents)),
        elements: [], boundaries: [], flows: [], data: [], threats: [], mitigations: [], events: [], stories: [], requirements: []
    };
    const flows: Flow[] = [];
    const threats: Threat[] = [];
    for (const document of documents) {
        for (const declaration of document.parseResult.value.declarations) {
            // A declaration the parser recovered without its name cannot be referred to; its parse error says why.
            if (!isFlow(declaration) && !declaration.name) continue;
            // Each declaration's entities are built once and kept while the declaration is unchanged
            // (declaration-entities.ts); what depends on other declarations — a flow's crossings, a
            // threat's status — is worked out on every build.
            const vocabulary = context.vocabulary;
            if (isElement(declaration)) model.elements.push(entitiesOf(declaration, vocabulary, () => elementOf(declaration, [], context)));
            else if (isBoundary(declaration)) {
                const nested = entitiesOf(declaration, vocabulary, () => boundaryEntities(declaration, context));
                model.boundaries.push(...nested.boundaries);
                model.elements.push(...nested.elements);
            } else if (isFlow(declaration)) flows.push(declaration);
            else if (isThreat(declaration)) threats.push(declaration);
            else if (isData(declaration)) model.data.push(entitiesOf(declaration, vocabulary, () => dataAssetOf(declaration, vocabulary)));
            else if (isMitigation(declaration)) model.mitigations.push(entitiesOf(declaration, vocabulary, () => mitigationOf(declaration)));
            else if (isEvent(declaration)) model.events.push(entitiesOf(declaration, vocabulary, () => eventOf(declaration)));
            else if (isStory(declaration)) model.stories.push(entitiesOf(declaration, vocabulary, () => storyOf(declaration)));
            else if (isRequirement(declaration)) model.requirements.push(entitiesOf(declaration, vocabulary, () => requirementOf(declaration)));
        }
    }
    const elements = new Map(model.elements.map(element => [element.id, element]));
    // A flow the parser could not complete (a syntax error) has no end to draw; the parse error says why.
    model.flows = flows.filter(flow => flow.source && flow.target).map(flow => {
        const built = entitiesOf(flow, context.vocabulary, () => flowOf(flow, elements, context));
        const crosses = crossingsOf(built.source, built.target, elements);
        return sameItems(crosses, built.crosses) ? built : { ...built, crosses };
    });
    const mitigations = new Map(model.mitigations.map(mitigation => [mitigation.id, mitigation]));
    model.threats = threats.map(threat => threatOf(threat, mitigations, context));
    return model;
}

/** The boundaries and elements a top-level boundary declares, outermost first, in the order written. */
function boundaryEntities(boundary: Boundary, context: BuildContext): Pick<ThreatModel, 'boundaries' | 'elements'> {
    const entities: Pick<ThreatModel, 'boundaries' | 'elements'> = { boundaries: [], elements: [] };
    collectBoundary(boundary, undefined, entities, context);
    return entities;
}

function collectBoundary(boundary: Boundary, parent: ModelBoundary | undefined, model: Pick<ThreatModel, 'boundaries' | 'elements'>, context: BuildContext, chain: string[] = []): void {
    const qualifiedName = parent ? `${parent.qualifiedName}.${boundary.name}` : boundary.name;
    const built: ModelBoundary = { id: boundary.name, label: boundary.label, qualifiedName, parent: parent?.id, location: locationOf(boundary),
        attributes: groupProperties(boundary.entries, 'boundary', context.vocabulary).attributes };
    model.boundaries.push(built);
    const inner = [...chain, built.id];
    for (const member of boundary.members) {
        if (!member.name) continue;
        if (isBoundary(member)) collectBoundary(member, built, model, context, inner);
        else model.elements.push(elementOf(member, inner, context));
    }
}

function elementOf(element: Element, boundaries: string[], context: BuildContext): ModelElement {
    return {
        id: element.name, label: element.label, kind: element.kind, location: locationOf(element),
        qualifiedName: [...boundaries, element.name].join('.'), boundaries,
        attributes: groupProperties(element.entries, element.kind, context.vocabulary).attributes,
        stores: dataOf(element.entries, 'stores'),
        code: element.entries.filter(isCodePaths).flatMap(entry => entry.paths),
        answers: answersOf(element.entries)
    };
}

function flowOf(flow: Flow, elements: ReadonlyMap<string, ModelElement>, context: BuildContext): ModelFlow {
    const source = refId(flow.source);
    const target = refId(flow.target);
    return {
        id: flowId(flow), named: Boolean(flow.name), label: flow.label, location: flow.name ? locationOf(flow) : locationOf(flow, 'source'),
        source, target, bidirectional: flow.direction === '<->',
        carries: dataOf(flow.entries, 'carries'),
        crosses: crossingsOf(source, target, elements),
        attributes: groupProperties(flow.entries, 'flow', context.vocabulary).attributes,
        answers: answersOf(flow.entries)
    };
}

/** The boundaries a flow between two elements crosses: those enclosing exactly one of its ends. */
function crossingsOf(source: string, target: string, elements: ReadonlyMap<string, ModelElement>): string[] {
    const sourceChain = elements.get(source)?.boundaries ?? [];
    const targetChain = elements.get(target)?.boundaries ?? [];
    if (sourceChain.length === 0 && targetChain.length === 0) return [];
    return [...sourceChain.filter(id => !targetChain.includes(id)), ...targetChain.filter(id => !sourceChain.includes(id))];
}

/** A flow's id: its name, or `Source->Target` for an unnamed flow. */
export function flowId(flow: Flow): string {
    return flow.name || `${refId(flow.source)}->${refId(flow.target)}`;
}

function threatOf(threat: Threat, mitigations: ReadonlyMap<string, ModelMitigation>, context: BuildContext): ModelThreat {
    const acceptanceNode = threat.acceptances.at(-1);
    const acceptance = acceptanceNode && {
        owner: acceptanceNode.owner, until: acceptanceNode.until, reason: acceptanceNode.reason,
        expired: isExpired(acceptanceNode.until, context.today)
    };
    const notApplicableNode = threat.notApplicable.at(-1);
    const mitigationIds = threat.mitigations.map(refId);
    const impact = threat.impacts.at(-1) as Severity | undefined;
    const likelihood = threat.likelihoods.at(-1) as Severity | undefined;
    const built = {
        id: threat.name, label: threat.label, location: locationOf(threat),
        targets: threat.targets.map(refId), rules: [...threat.rules], stride: [...threat.stride] as StrideCategory[],
        impact, likelihood, severity: deriveSeverity(threat.severities.at(-1) as Severity | undefined, impact, likelihood),
        categorisation: threat.categorisations.map(categorisationOf), mitigations: mitigationIds, events: threat.events.map(refId),
        acceptance, notApplicable: notApplicableNode && { reason: notApplicableNode.reason },
        description: threat.descriptions.at(-1)
    };
    return { ...built, status: deriveThreatStatus(built, mitigations) };
}

function dataOf(entries: readonly PropertyEntry[], relation: 'carries' | 'stores'): string[] {
    return entries.filter(isDataList).filter(entry => entry.relation === relation).flatMap(entry => entry.data.map(refId));
}

function answersOf(entries: readonly PropertyEntry[]): Answer[] {
    // An answer the parser recovered without its category answers nothing; its parse error says why.
    return entries.filter(isAnswer).filter(answer => answer.category !== undefined).map(answer => ({
        category: answer.category as StrideCategory, notApplicable: answer.notApplicable, text: answer.text,
        location: locationOf(answer, 'category')
    }));
}
