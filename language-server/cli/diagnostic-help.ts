import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../workspace/package-root.js';

/**
 * The documentation of each diagnostic code, as docs/diagnostics.md of the installed package has it
 * under `## code`: reports that carry help text (SARIF rules) embed it, so a reviewer reading an
 * alert needs no link that works.
 */
export class DiagnosticHelp {
    private readonly sections = new Map<string, string>();

    constructor(file = path.join(packageRoot(), 'docs', 'diagnostics.md')) {
        const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
        const headings = [...text.matchAll(/^## (\S+)$/gm)];
        headings.forEach((heading, position) => {
            const end = headings[position + 1]?.index ?? nextTopHeading(text, heading.index!) ?? text.length;
            this.sections.set(heading[1], text.slice(heading.index! + heading[0].length, end).trim());
        });
    }

    /** The Markdown of a code's section, without its heading. */
    markdown(code: string): string | undefined {
        return this.sections.get(code);
    }

    /** The first sentence-like line of the section's **Trigger** paragraph, for short descriptions. */
    summary(code: string): string | undefined {
        const trigger = /\*\*Trigger:\*\* ([\s\S]*?)(?:\n\n|$)/.exec(this.sections.get(code) ?? '')?.[1];
        return trigger?.replace(/\s+/g, ' ').trim();
    }
}

function nextTopHeading(text: string, from: number): number | undefined {
    const match = /^# /m.exec(text.slice(from + 1));
    return match ? from + 1 + match.index : undefined;
}
