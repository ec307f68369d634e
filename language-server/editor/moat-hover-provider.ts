import { AstUtils, CstUtils, GrammarAST, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { MultilineCommentHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { AnalysisProvider } from '../analysis/analysis-provider.js';
import { isCategorisation, isElement, isFlow, isMitigation, isThreat } from '../generated/ast.js';
import { flowId } from '../model/threat-model-builder.js';
import { declarationFacts } from './hover/declaration-facts.js';
import { describeCategorisation } from '../knowledge/categorisation-descriptions.js';
import { categorisationOf } from '../model/categorisation.js';
import { markdownText } from '../report/text-escaping.js';


/**
 * Langium's hover (documentation comments) plus, on a declaration or a reference to one, what the
 * model says about it (threat status and links, an element's open threats and questions), and what
 * a categorisation id stands for, from the catalogues.
 */
export class MoatHoverProvider extends MultilineCommentHoverProvider {
    private readonly analyses: AnalysisProvider | undefined;

    constructor(services: LangiumServices) {
        super(services);
        // The .tmkb language shares this provider and has no analysis.
        this.analyses = (services as Partial<{ analysis: { AnalysisProvider: AnalysisProvider } }>).analysis?.AnalysisProvider;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const comment = super.getAstNodeHoverContent(node) as string | undefined;
        const facts = this.facts(node);
        const parts = [comment, facts].filter(part => part !== undefined && part !== '');
        return parts.length > 0 ? parts.join('\n\n---\n\n') : undefined;
    }

    /** The model's facts about a threat, mitigation, element or flow, as Markdown. */
    private facts(node: AstNode): string | undefined {
        if (!this.analyses || !(isThreat(node) || isMitigation(node) || isElement(node) || isFlow(node))) return undefined;
        const id = isFlow(node) ? flowId(node) : node.name;
        const analysis = this.analyses.analysesCovering(AstUtils.getDocument(node))[0];
        const lines = analysis && declarationFacts(analysis, id);
        // Paragraphs apart, list items together.
        return lines?.reduce((text, line) => text === '' ? line : `${text}${line.startsWith('- ') ? '\n' : '\n\n'}${line}`, '');
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        return this.categorisationHover(document, params) ?? super.getHoverContent(document, params);
    }

    /** The title and facts of the categorisation id under the cursor; not of its scheme keyword. */
    protected categorisationHover(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf || !isCategorisation(leaf.astNode) || GrammarAST.isKeyword(leaf.grammarSource)) return undefined;
        const description = describeCategorisation(categorisationOf(leaf.astNode));
        if (!description) return undefined;
        const lines = [`**${markdownText(description.title)}**`, ...(description.detail ? [markdownText(description.detail)] : [])];
        return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: leaf.range };
    }
}

