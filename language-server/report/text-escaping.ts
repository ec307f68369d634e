/**
 * Model text (labels, descriptions, ids) reaches Markdown, Mermaid and HTML. These functions make
 * it plain text in each: nothing a model says can become markup, a directive or a broken diagram.
 */

const MERMAID_ENTITIES: Record<string, string> = {
    '&': '#amp;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '#': '#35;', '|': '#124;', '`': '#96;', '%': '#37;',
    '{': '#123;', '}': '#125;', '\\': '#92;', '[': '#91;', ']': '#93;', '(': '#40;', ')': '#41;', ';': '#59;'
};

/** Text for inside a quoted Mermaid label: entity codes for every character Mermaid could read, one line, at most `max` characters. */
export function mermaidText(text: string | undefined, max = 60): string {
    const line = oneLine(text);
    const short = line.length > max ? `${line.slice(0, max - 1)}…` : line;
    return short.replace(/[&"<>#|`%{}\\[\]();]/g, character => MERMAID_ENTITIES[character]);
}

/** Text for Markdown prose or a table cell: markup characters backslash-escaped, HTML characters as entities, one line. */
export function markdownText(text: string | undefined): string {
    return oneLine(text)
        .replace(/[\\`*_[\]#|~]/g, character => `\\${character}`)
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for HTML content or a quoted attribute. */
export function htmlText(text: string | undefined): string {
    return String(text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Control characters and line breaks become spaces; runs of spaces collapse. */
function oneLine(text: string | undefined): string {
    return String(text ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}
