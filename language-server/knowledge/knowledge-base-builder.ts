import type { AttributeType as AstAttributeType, KnowledgeBaseFile, Rule } from '../generated/ast.js';
import { isAttribute, isQuestion, isRule } from '../generated/ast.js';
import { categorisationOf } from '../model/categorisation.js';
import { locationOf } from '../model/source-location.js';
import type { Severity, StrideCategory, Subject } from '../model/threat-model-types.js';
import type { AttributeType, KnowledgeBase, RuleDeclaration } from './knowledge-base-types.js';

/** Turns a parsed `.tmkb` file into a plain knowledge base. */
export function buildKnowledgeBase(file: KnowledgeBaseFile): KnowledgeBase {
    const id = file.id;
    return {
        id,
        version: file.version,
        label: file.label,
        attributes: file.members.filter(isAttribute).map(attribute => ({
            name: attribute.name,
            type: attributeType(attribute.type),
            subjects: attribute.subjects as Subject[],
            label: attribute.label,
            knowledgeBase: id
        })),
        questions: file.members.filter(isQuestion).map(question => ({
            category: question.category as StrideCategory,
            subjects: question.subjects as Subject[],
            text: question.text,
            knowledgeBase: id
        })),
        rules: file.members.filter(isRule).map(rule => ruleDeclaration(rule, id))
    };
}

function attributeType(type: AstAttributeType | undefined): AttributeType {
    return { kind: (type?.kind ?? 'string') as AttributeType['kind'], values: type?.values ?? [] };
}

function ruleDeclaration(rule: Rule, knowledgeBase: string): RuleDeclaration {
    return {
        id: rule.name,
        label: rule.label,
        subjects: rule.subjects as Subject[],
        conditions: rule.conditions,
        stride: rule.stride as StrideCategory[],
        severity: rule.severities.at(-1) as Severity | undefined,
        top: rule.tops.length > 0,
        categorisation: rule.categorisations.map(categorisationOf),
        mitigations: rule.mitigations,
        questions: rule.questions,
        events: rule.events,
        description: rule.descriptions.at(-1),
        knowledgeBase,
        location: locationOf(rule)
    };
}
