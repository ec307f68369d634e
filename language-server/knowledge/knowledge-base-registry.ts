import * as path from 'node:path';
import { URI, UriUtils, WorkspaceCache, type LangiumDocuments, type LangiumDocumentFactory } from 'langium';
import { isKnowledgeBaseFile, type KnowledgeBaseFile } from '../generated/ast.js';
import { sameItems } from '../same-items.js';
import type { MoatServices } from '../moat-module.js';
import { packageRoot } from '../workspace/package-root.js';
import { resolveReferencedPath } from '../workspace/referenced-path.js';
import { BUILTIN_KNOWLEDGE_BASES, isBuiltinReference } from './builtin-knowledge-bases.js';
import { buildKnowledgeBase } from './knowledge-base-builder.js';
import type { AttributeDeclaration, KnowledgeBase, QuestionDeclaration, RuleDeclaration, Vocabulary } from './knowledge-base-types.js';

/**
 * Finds the knowledge bases a model names — built-in ones by id (`moat:stride`), others by a path
 * relative to the model file — and merges them into one vocabulary. Built-in knowledge bases are
 * parsed once per process; file-based ones once per workspace change.
 */
export class KnowledgeBaseRegistry {
    private readonly documents: LangiumDocuments;
    private readonly documentFactory: LangiumDocumentFactory;
    private readonly builtins = new Map<string, KnowledgeBase>();
    /** Vocabularies merged from built-in knowledge bases only, by their references joined. */
    private readonly builtinVocabularies = new Map<string, Vocabulary>();
    private readonly fileCache: WorkspaceCache<string, KnowledgeBase | undefined>;
    private readonly vocabularyCache: WorkspaceCache<string, Vocabulary>;
    /** The last vocabulary merged for each key, with the texts of the files it came from. */
    private readonly lastMerged = new Map<string, { texts: string[]; vocabulary: Vocabulary }>();

    constructor(services: MoatServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.documentFactory = services.shared.workspace.LangiumDocumentFactory;
        this.fileCache = new WorkspaceCache(services.shared);
        this.vocabularyCache = new WorkspaceCache(services.shared);
    }

    /** The knowledge base a `knowledgebase` setting names, or undefined when it cannot be found. */
    resolve(reference: string, from: URI): KnowledgeBase | undefined {
        if (isBuiltinReference(reference)) return this.builtin(reference);
        const uri = resolveReferencedPath(from, reference);
        return uri && this.fileCache.get(uri.toString(), () => this.fromDocument(uri));
    }

    /**
     * The merged vocabulary of the named knowledge bases; unresolvable names are skipped. One of
     * built-in knowledge bases only is the same object for the whole process, so what is computed
     * from it (the compiled rules) is not redone on every edit.
     */
    vocabulary(references: readonly string[], from: URI): Vocabulary {
        if (references.every(isBuiltinReference)) {
            const builtinKey = references.join('|');
            let merged = this.builtinVocabularies.get(builtinKey);
            if (!merged) {
                merged = mergeKnowledgeBases(references.map(reference => this.builtin(reference)).filter(kb => kb !== undefined));
                this.builtinVocabularies.set(builtinKey, merged);
            }
            return merged;
        }
        const key = `${UriUtils.dirname(from).toString()}|${references.join('|')}`;
        return this.vocabularyCache.get(key, () => {
            // While the knowledge-base files read the same, the vocabulary stays the same object, and
            // so do its compiled rules and what the analysis keeps from one edit of the model to the next.
            const texts = references.map(reference => this.textOf(reference, from));
            const last = this.lastMerged.get(key);
            if (last && sameItems(last.texts, texts)) return last.vocabulary;
            const vocabulary = mergeKnowledgeBases(references.map(reference => this.resolve(reference, from)).filter(kb => kb !== undefined));
            this.lastMerged.set(key, { texts, vocabulary });
            return vocabulary;
        });
    }

    /** What a knowledge-base reference reads: its file's URI and text, or the built-in id. */
    private textOf(reference: string, from: URI): string {
        if (isBuiltinReference(reference)) return reference;
        const uri = resolveReferencedPath(from, reference);
        const document = uri && this.documents.getDocument(uri);
        return document ? `${uri.toString()}\n${document.textDocument.getText()}` : '';
    }

    private builtin(id: string): KnowledgeBase | undefined {
        const cached = this.builtins.get(id);
        if (cached) return cached;
        const files = BUILTIN_KNOWLEDGE_BASES.get(id);
        if (files === undefined) return undefined;
        const parts = files.map(file => buildKnowledgeBase(
            this.documentFactory.fromString<KnowledgeBaseFile>(file.text, URI.file(path.join(packageRoot(), 'knowledge', file.name))).parseResult.value));
        const knowledgeBase = concatKnowledgeBaseFiles(parts);
        this.builtins.set(id, knowledgeBase);
        return knowledgeBase;
    }

    private fromDocument(uri: URI): KnowledgeBase | undefined {
        const root = this.documents.getDocument(uri)?.parseResult.value;
        return isKnowledgeBaseFile(root) ? buildKnowledgeBase(root) : undefined;
    }
}

/** One knowledge base from the files it spans: the header of the first, the members of all. */
function concatKnowledgeBaseFiles(parts: readonly KnowledgeBase[]): KnowledgeBase {
    return {
        ...parts[0],
        attributes: parts.flatMap(part => part.attributes),
        questions: parts.flatMap(part => part.questions),
        rules: parts.flatMap(part => part.rules)
    };
}

/** Merges knowledge bases; where two declare the same attribute or rule, the first one named wins. */
export function mergeKnowledgeBases(knowledgeBases: readonly KnowledgeBase[]): Vocabulary {
    const attributes = new Map<string, AttributeDeclaration>();
    const rules = new Map<string, RuleDeclaration>();
    const questions: QuestionDeclaration[] = [];
    for (const knowledgeBase of knowledgeBases) {
        for (const attribute of knowledgeBase.attributes) if (!attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
        for (const rule of knowledgeBase.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
        questions.push(...knowledgeBase.questions);
    }
    return { attributes, rules, questions, knowledgeBases };
}
