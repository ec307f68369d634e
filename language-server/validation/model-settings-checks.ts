import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Model } from '../generated/ast.js';
import type { MoatServices } from '../moat-module.js';
import { IssueCodes } from './issue-codes.js';
import { reportIssue } from './report.js';

const SINGLE_SETTINGS = [
    ['products', 'product'], ['owners', 'owner'], ['depths', 'depth'], ['budgets', 'budget'], ['diagnosticLevels', 'diagnostics'], ['descriptions', 'description']
] as const;

/** The model header: each setting once, and every knowledge base it names can be found. */
export function createModelSettingsChecks(services: MoatServices) {
    const registry = services.knowledge.KnowledgeBaseRegistry;
    return {
        checkSettingsOnce(model: Model, accept: ValidationAcceptor): void {
            for (const [property, keyword] of SINGLE_SETTINGS) {
                for (let index = 1; index < model[property].length; index++) {
                    reportIssue(accept, 'warning', IssueCodes.DuplicateSetting, `'${keyword}' is set more than once; the last one wins.`, { node: model, property, index });
                }
            }
        },
        checkKnowledgeBasesExist(model: Model, accept: ValidationAcceptor): void {
            const from = AstUtils.getDocument(model).uri;
            model.knowledgeBases.forEach((reference, index) => {
                if (registry.resolve(reference, from)) return;
                const hint = reference.startsWith('moat:') ? 'the built-in knowledge base is moat:stride' : 'give a path to a .tmkb file, relative to this file';
                reportIssue(accept, 'error', IssueCodes.UnknownKnowledgeBase, `Unknown knowledge base '${reference}': ${hint}.`, { node: model, property: 'knowledgeBases', index });
            });
        }
    };
}
