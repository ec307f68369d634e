import { AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { ConfigurationProvider } from 'langium';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { isCategorisation, isMitigation, isStory } from '../../generated/ast.js';
import { categorisationOf } from '../../model/categorisation.js';
import type { MoatServices } from '../../moat-module.js';

/** Where MITRE publishes each CWE and CAPEC entry. */
const CATALOGUE_PAGES: Partial<Record<string, (id: string) => string>> = {
    cwe: id => `https://cwe.mitre.org/data/definitions/${id}.html`,
    capec: id => `https://capec.mitre.org/data/definitions/${id}.html`
};

/**
 * Links in a model: each ticket to the tracker, through the `moat.tickets.urlPattern` setting
 * (`https://jira.example.com/browse/{ticket}`), and each CWE and CAPEC id to its catalogue page.
 * Only http(s) targets are produced; the ticket id is URL-encoded into the pattern.
 */
export class MoatDocumentLinkProvider implements DocumentLinkProvider {
    private readonly configuration: ConfigurationProvider;

    constructor(services: MoatServices) {
        this.configuration = services.shared.workspace.ConfigurationProvider;
    }

    async getDocumentLinks(document: LangiumDocument, _params: DocumentLinkParams): Promise<DocumentLink[]> {
        const pattern = await this.ticketPattern();
        const links: DocumentLink[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (pattern && (isMitigation(node) || isStory(node))) {
                for (const ticket of GrammarUtils.findNodesForProperty(node.$cstNode, 'tickets')) {
                    const id = ticket.text.slice(1, -1);
                    if (id) links.push({ range: ticket.range, target: pattern.replace('{ticket}', encodeURIComponent(id)), tooltip: `Open ${id} in the tracker` });
                }
            }
            if (isCategorisation(node) && node.$cstNode) {
                const { scheme, id } = categorisationOf(node);
                const page = CATALOGUE_PAGES[scheme];
                if (page && /^\d+$/.test(id)) links.push({ range: node.$cstNode.range, target: page(id), tooltip: `${scheme.toUpperCase()}-${id} in the ${scheme.toUpperCase()} catalogue` });
            }
        }
        return links;
    }

    private async ticketPattern(): Promise<string | undefined> {
        const tickets = await this.configuration.getConfiguration('moat', 'tickets').catch(() => undefined) as { urlPattern?: unknown } | undefined;
        const pattern = typeof tickets?.urlPattern === 'string' ? tickets.urlPattern : '';
        return /^https?:\/\//.test(pattern) && pattern.includes('{ticket}') ? pattern : undefined;
    }
}
