import type { PreviewData } from '../../../language-server/protocol.js';

/**
 * The declaration the cursor is in: the last one in that file starting at or before the cursor
 * (a declaration's block follows its name), or null when the cursor is before every declaration.
 */
export function declarationAt(data: PreviewData, uri: string, position: { line: number; character: number }): string | null | undefined {
    let best: { id: string; line: number; character: number } | undefined;
    let inFile = false;
    for (const [id, location] of Object.entries(data.locations)) {
        if (location.uri !== uri) continue;
        inFile = true;
        const { line, character } = location.range.start;
        const before = line < position.line || (line === position.line && character <= position.character);
        if (before && (!best || line > best.line || (line === best.line && character > best.character))) best = { id, line, character };
    }
    return inFile ? best?.id ?? null : undefined;
}
