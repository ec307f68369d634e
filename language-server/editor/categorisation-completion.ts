import type { TextDocument } from 'langium';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { catalogueEntries } from '../knowledge/categorisation-descriptions.js';
import type { Categorisation } from '../model/threat-model-types.js';

/** Where an id is being typed after a scheme keyword: `cwe 31|`, `asvs "v5.0.0-1|"`. */
export interface CategorisationSite {
    scheme: Categorisation['scheme'];
    /** The id typed so far, without the opening quote. */
    typed: string;
    /** Whether the id is inside a string (ASVS ids are strings). */
    quoted: boolean;
    /** The id's offsets, including what follows the cursor, so a completion replaces all of it. */
    start: number;
    end: number;
    /** Just after the scheme keyword: where the grammar must expect an id for this to be a site. */
    keywordEnd: number;
}

/** A scheme keyword, an optional opening quote, and the id typed so far, right before the cursor. */
const SITE = /\b(asvs|cwe|capec|iso)\s+("?)([^"\s]*)$/;
/** How far back to look for the keyword: the id and the white space before it are short. */
const LOOK_BACK = 200;

/**
 * Reads the categorisation being typed at `offset` from the text, not the AST: an id being typed
 * is often unfinished text (an open string, a stray word) that does not parse yet.
 */
export function categorisationSiteAt(text: string, offset: number): CategorisationSite | undefined {
    const from = Math.max(0, offset - LOOK_BACK);
    const match = SITE.exec(text.slice(from, offset));
    if (!match) return undefined;
    const rest = /^[^"\s]*/.exec(text.slice(offset))?.[0] ?? '';
    const [, scheme, quote, typed] = match;
    const keyword = from + match.index;
    if (insideString(text.slice(text.lastIndexOf('\n', keyword) + 1, keyword))) return undefined;
    return {
        scheme: scheme as CategorisationSite['scheme'], typed, quoted: quote === '"',
        start: offset - typed.length, end: offset + rest.length, keywordEnd: keyword + scheme.length
    };
}

/** Whether a line ends inside a string, e.g. `description "see cwe`: strings are one line, and an escaped quote does not close one. */
function insideString(linePrefix: string): boolean {
    return (linePrefix.replace(/\\./g, '').match(/"/g)?.length ?? 0) % 2 === 1;
}

/**
 * The catalogue ids to offer at a site, each replacing the whole id typed so far. ASVS ids are
 * quoted (and an open quote closed); typing `v4` switches to ASVS 4.0.3. All ids are returned and
 * the client filters them, on the id and, for CWE and CAPEC, the name too.
 */
export function categorisationCompletions(site: CategorisationSite, document: TextDocument): CompletionItem[] {
    const text = document.getText();
    const closes = text[site.end] === '"' ? '' : '"';
    const range = { start: document.positionAt(site.start), end: document.positionAt(site.end) };
    const version = site.scheme === 'asvs' && /^v4/i.test(site.typed) ? '4.0.3' : undefined;
    return catalogueEntries(site.scheme, version).map((entry, index) => {
        const newText = site.scheme !== 'asvs' ? entry.id : site.quoted ? entry.id + closes : `"${entry.id}"`;
        const byName = site.scheme === 'cwe' || site.scheme === 'capec';
        return {
            label: entry.id,
            detail: entry.title,
            documentation: entry.detail,
            kind: CompletionItemKind.Value,
            sortText: String(index).padStart(5, '0'),
            filterText: byName ? `${entry.id} ${entry.title}` : entry.id,
            textEdit: { range, newText }
        };
    });
}
