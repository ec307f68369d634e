import type { ThreatModel } from '../model/threat-model-types.js';
import type { Analysis } from './analysis-types.js';
import { addressDerivedThreats } from './derived-threat-addressing.js';
import { ModelIndex } from './model-index.js';
import { deriveThreats, type CompiledKnowledge } from './rule-engine.js';
import { askQuestions } from './stride-questions.js';

/** The STRIDE analysis of a model: derived threats with their status, and the questions. */
export function analyseModel(model: ThreatModel, knowledge: CompiledKnowledge): Analysis {
    const index = new ModelIndex(model, knowledge.slots);
    const derivedThreats = deriveThreats(index, knowledge, model.settings);
    addressDerivedThreats(derivedThreats, model, index);
    const questions = askQuestions(index, knowledge.vocabulary.questions, derivedThreats);
    return { model, derivedThreats, questions };
}
