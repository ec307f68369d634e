import { createHash } from 'node:crypto';
import type { CheckDiagnostic } from './check-report.js';

/**
 * A fingerprint per diagnostic that survives lines moving: it hashes what the finding is about —
 * the rule or code, the file and the derived threat's id or the message (which names the element,
 * never a position) — plus its rank among identical findings in that file. Code scanning and
 * Code Quality use it to track one finding across commits.
 */
export function fingerprints(diagnostics: readonly CheckDiagnostic[]): string[] {
    const seen = new Map<string, number>();
    return diagnostics.map(diagnostic => {
        const identity = `${diagnostic.rule ?? diagnostic.code}\u0000${diagnostic.file}\u0000${diagnostic.threat ?? diagnostic.message}`;
        const occurrence = seen.get(identity) ?? 0;
        seen.set(identity, occurrence + 1);
        return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
    });
}
