import type { ContentChange } from './lsp-client.js';
import { positionAt } from './text-positions.js';

/** The `didChange` content changes of someone typing at the end of a document, and what they leave. */
export interface TypingBurst {
    /** One entry per `didChange` notification. */
    edits: ContentChange[][];
    finalText: string;
    /** The line where typing started: diagnostics there belong to the typed text. */
    firstTypedLine: number;
}

/** A documented process, a flow from it to itself (a `self-flow` error) and a comment filling up the edit count. */
const TYPED = '/** The worker typed in a burst. */\nprocess Burst "Burst worker" { sandboxed }\nflow Typed: Burst -> Burst "Typed in a burst"\n// ';
const FILLER = 'typed while the server was still building the earlier versions ';

/**
 * `count` edits typing TYPED (then a comment) at the end of `base`, one character per edit, as VS
 * Code sends them: a typo deleted again every 20 characters, and every 40th edit sent as the full
 * text instead of a range edit.
 */
export function typingBurst(base: string, count: number): TypingBurst {
    const edits: ContentChange[][] = [];
    let text = base.endsWith('\n') ? base : `${base}\n`;
    const firstTypedLine = positionAt(text, text.length).line;
    const push = (change: ContentChange, next: string) => {
        edits.push((edits.length + 1) % 40 === 0 ? [{ text: next }] : [change]);
        text = next;
    };
    const type = (character: string) => {
        const at = positionAt(text, text.length);
        push({ range: { start: at, end: at }, text: character }, text + character);
    };
    const backspace = () => {
        const start = positionAt(text, text.length - 1);
        push({ range: { start, end: positionAt(text, text.length) }, text: '' }, text.slice(0, -1));
    };
    const script = TYPED + FILLER.repeat(Math.ceil(count / FILLER.length));
    for (let index = 0; edits.length < count; index++) {
        if (index % 20 === 19 && edits.length <= count - 3) {
            type('x');
            backspace();
        }
        type(script[index]);
    }
    if (!text.includes(TYPED)) throw new Error(`${count} edits are too few to type the burst's flow`);
    return { edits, finalText: text, firstTypedLine };
}
