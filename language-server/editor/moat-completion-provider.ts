import { AstUtils, GrammarAST, type LangiumDocument } from 'langium';
import { DefaultCompletionProvider, type LangiumServices } from 'langium/lsp';
import { CompletionList, type CancellationToken, type CompletionParams } from 'vscode-languageserver';
import type { ThreatModelProvider } from '../model/threat-model-provider.js';
import { attributeCompletions } from './attribute-completion.js';
import { categorisationCompletions, categorisationSiteAt } from './categorisation-completion.js';

/**
 * Langium's completion (keywords and references) plus catalogue ids after `asvs`, `cwe`, `capec`
 * and `iso`, and, in a `.tm` property block, the attributes and enum values of the model's
 * knowledge bases: where the grammar expects a terminal and Langium itself proposes nothing.
 */
export class MoatCompletionProvider extends DefaultCompletionProvider {
    private readonly models: ThreatModelProvider | undefined;

    constructor(services: LangiumServices) {
        super(services);
        // The .tmkb language shares this provider; it has no models.
        this.models = (services as Partial<{ model: { ThreatModelProvider: ThreatModelProvider } }>).model?.ThreatModelProvider;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const textDocument = document.textDocument;
        const site = categorisationSiteAt(textDocument.getText(), textDocument.offsetAt(params.position));
        // The site is found in the text because an id being typed (an open string) often does not
        // lex; the grammar then confirms that the keyword really starts a categorisation.
        if (!site || !this.findFeaturesAt(textDocument, site.keywordEnd).some(next => isCategorisationId(next.feature))) {
            const proposed = await super.getCompletion(document, params, cancelToken);
            const attributes = this.models ? attributeCompletions(document, textDocument.offsetAt(params.position), this.models.vocabulary(document)) : [];
            return attributes.length === 0 ? proposed : CompletionList.create([...attributes, ...proposed?.items ?? []], proposed?.isIncomplete ?? false);
        }
        return CompletionList.create(categorisationCompletions(site, textDocument), true);
    }
}

/** Whether a grammar element is the id of a Categorisation (`text`, `number` or `control`), not its scheme. */
function isCategorisationId(feature: GrammarAST.AbstractElement): boolean {
    if (AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name !== 'Categorisation') return false;
    const property = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment)?.feature;
    return property !== undefined && property !== 'scheme';
}
