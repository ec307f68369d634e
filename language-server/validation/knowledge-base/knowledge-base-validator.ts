import { URI, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { KnowledgeBase, KnowledgeBaseFile, Rule } from '../../generated/ast.js';
import { BUILTIN_KNOWLEDGE_BASES, DEFAULT_KNOWLEDGE_BASE } from '../../knowledge/builtin-knowledge-bases.js';
import { buildKnowledgeBase } from '../../knowledge/knowledge-base-builder.js';
import type { AttributeDeclaration } from '../../knowledge/knowledge-base-types.js';
import type { KnowledgeBaseServices, MoatServices } from '../../moat-module.js';
import { checkCategorisations } from '../categorisation-checks.js';
import { checkRuleConditions } from './condition-checks.js';
import { checkRuleComplete, checkRuleIdsUnique } from './rule-checks.js';

/**
 * The validation of `.tmkb` files. A knowledge base is usually combined with the built-in one, so
 * its conditions may read the built-in vocabulary; a file of a knowledge base that spans several
 * files (the built-in one does) is checked against its siblings too.
 */
export function registerKnowledgeBaseValidationChecks(services: KnowledgeBaseServices, moat: MoatServices): void {
    const registry = moat.knowledge.KnowledgeBaseRegistry;
    const builtinOf = (id: string) => registry.resolve(id, URI.parse('file:///'));
    const checks: ValidationChecks<KnowledgeBase.AstType> = {
        KnowledgeBaseFile: (file: KnowledgeBaseFile, accept: ValidationAcceptor) => {
            const own = buildKnowledgeBase(file);
            const builtin = builtinOf(BUILTIN_KNOWLEDGE_BASES.has(file.id) ? file.id : DEFAULT_KNOWLEDGE_BASE);
            const attributes = new Map<string, AttributeDeclaration>();
            for (const attribute of [...own.attributes, ...(builtin?.attributes ?? [])]) if (!attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
            const isBuiltinFile = BUILTIN_KNOWLEDGE_BASES.has(file.id);
            const siblingIds = isBuiltinFile ? idsDeclaredElsewhere(builtin?.rules.map(rule => rule.id) ?? [], own.rules.map(rule => rule.id)) : new Set<string>();
            checkRuleIdsUnique(file, siblingIds, isBuiltinFile ? new Set() : new Set(builtin?.rules.map(rule => rule.id)), accept);
            for (const member of file.members) {
                if (member.$type !== 'Rule') continue;
                checkRuleComplete(member as Rule, accept);
                checkRuleConditions(member as Rule, attributes, accept);
                checkCategorisations(member as Rule, accept);
            }
        }
    };
    services.validation.ValidationRegistry.register(checks);
}

/**
 * Rule ids of a multi-file knowledge base declared in its other files: all ids minus one
 * occurrence of each id this file declares.
 */
function idsDeclaredElsewhere(all: readonly string[], own: readonly string[]): Set<string> {
    const remaining = [...all];
    for (const id of own) {
        const position = remaining.indexOf(id);
        if (position >= 0) remaining.splice(position, 1);
    }
    return new Set(remaining);
}
