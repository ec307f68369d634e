// The two layout moves the formatter uses, as Langium formatting actions. Levels are absolute
// (indentation units from the left margin), so a token's indentation never depends on how the
// tokens before it were moved.
import type { FormattingAction } from 'langium/lsp';

/** The most spaces kept between entries that share a line: two separate attributes, as in the docs. */
export const MAX_SPACES = 2;
/** The most line breaks kept between declarations or entries: one blank line. */
export const MAX_LINE_BREAKS = 2;

/** The token stays on the line of what precedes it, `spaces` after it. */
export function sameLine(spaces: number): FormattingAction {
    return { options: {}, moves: [{ characters: spaces }] };
}

/** The token or comment starts a line, `lines` line breaks after what precedes it, indented `level` units. */
export function onNewLine(lines: number, level: number): FormattingAction {
    return { options: {}, moves: [{ lines, tabs: level }] };
}

/** `value` limited to `min`..`max`. */
export function clamp(value: number, min: number, max: number): number {
    return Math.min(Math.max(value, min), max);
}
