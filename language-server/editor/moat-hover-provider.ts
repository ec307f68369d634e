import { CstUtils, GrammarAST, type LangiumDocument } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isCategorisation } from '../generated/ast.js';
import { describeCategorisation } from '../knowledge/categorisation-descriptions.js';
import { categorisationOf } from '../model/categorisation.js';

/** Characters Markdown would read as formatting in catalogue names (`sizeof()`, `__proto__`, `<script>`). */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|]/g;

/** Langium's hover (documentation comments) plus what a categorisation id stands for, from the catalogues. */
export class MoatHoverProvider extends MultilineCommentHoverProvider {
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
        const lines = [`**${escape(description.title)}**`, ...(description.detail ? [escape(description.detail)] : [])];
        return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: leaf.range };
    }
}

function escape(text: string): string {
    return text.replace(MARKDOWN_SPECIAL, character => `\\${character}`);
}
