import type { ValidationChecks } from 'langium';
import type { MoatAstType } from '../generated/ast.js';
import type { MoatServices } from '../moat-module.js';
import { checkCategorisations } from './categorisation-checks.js';
import { createAnalysisChecks } from './analysis-checks.js';
import { createImportChecks } from './import-checks.js';
import { createImportClashChecks } from './import-clash-checks.js';
import { createModelChecks } from './model-checks.js';
import { createModelSettingsChecks } from './model-settings-checks.js';
import { createPropertyChecks } from './property-checks.js';
import { createThreatChecks } from './threat-checks.js';

/**
 * The validation of `.tm` files: AST type → the checks that run on it. Each check reports on the
 * precise node and property with a code from issue-codes.ts. Langium's registry turns a check that
 * throws into one diagnostic and a log line, so one failing check never takes the server down.
 */
export function registerMoatValidationChecks(services: MoatServices): void {
    const imports = createImportChecks(services);
    const settings = createModelSettingsChecks(services);
    const threats = createThreatChecks(services);
    const properties = createPropertyChecks(services);
    const model = createModelChecks(services);
    const importClashes = createImportClashChecks(services);
    const analysis = createAnalysisChecks(services);
    const checks: ValidationChecks<MoatAstType> = {
        ModelFile: [model.checkModel, model.checkSingleModel, importClashes.checkImportedNamesDistinct, analysis.checkAnalysisFindings],
        Import: [imports.checkImportResolves, imports.checkImportCycle],
        Model: [settings.checkSettingsOnce, settings.checkKnowledgeBasesExist],
        Element: [properties.checkElementProperties],
        Flow: [properties.checkFlowProperties],
        Data: [properties.checkDataProperties],
        Boundary: [properties.checkBoundaryProperties],
        Threat: [threats.checkThreatHasTarget, threats.checkAcceptance, threats.checkMitigationsNotAbandoned, threats.checkThreatRulesExist, checkCategorisations],
        Mitigation: [threats.checkMitigationRulesExist, checkCategorisations],
        Requirement: [checkCategorisations]
    };
    services.validation.ValidationRegistry.register(checks);
}
