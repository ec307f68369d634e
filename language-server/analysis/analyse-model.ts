import type { ThreatModel } from '../model/threat-model-types.js';
import type { Analysis } from './analysis-types.js';
import { addressDerivedThreats } from './derived-threat-addressing.js';
import { DerivationReuse, type Derivation } from './derivation-reuse.js';
import { ModelIndex } from './model-index.js';
import { deriveThreats, type CompiledKnowledge } from './rule-engine.js';
import { askQuestions } from './stride-questions.js';

/** What each analysis's rule evaluation leaves for the analysis of the same model after an edit. */
const derivations = new WeakMap<Analysis, Derivation>();

/**
 * The STRIDE analysis of a model: derived threats with their status, and the questions. Given the
 * analysis of the same model before an edit, only the subjects around what the edit changed are
 * evaluated again; the result is the same as without it.
 */
export function analyseModel(model: ThreatModel, knowledge: CompiledKnowledge, previous?: Analysis): Analysis {
    const index = new ModelIndex(model, knowledge.slots);
    const reuse = previous ? DerivationReuse.between(derivations.get(previous), index, knowledge, model.settings) : undefined;
    const derivedThreats = deriveThreats(index, knowledge, model.settings, reuse);
    addressDerivedThreats(derivedThreats, model, index);
    const questions = askQuestions(index, knowledge.vocabulary.questions, derivedThreats);
    const analysis: Analysis = { model, derivedThreats, questions };
    derivations.set(analysis, { index, knowledge, depth: model.settings.depth, derived: derivedThreats });
    return analysis;
}
