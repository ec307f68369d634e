import * as vscode from 'vscode';

/** The part of markdown-it's API this plugin uses. */
interface MarkdownIt {
    renderer: { rules: Record<string, ((tokens: { info: string; content: string }[], index: number, ...rest: unknown[]) => string) | undefined> };
}

const FENCE_LANGUAGES = new Set(['tm', 'moat']);
const MAX_CACHED = 50;

/**
 * Draws ```` ```tm ```` fenced blocks of VS Code's Markdown preview as the model's DFD. markdown-it
 * renders synchronously and the server answers asynchronously, so a fence first shows its code;
 * once the server has drawn it, the preview is refreshed and the picture (an `<img>` of the SVG,
 * which can run nothing) replaces the code.
 */
export function markdownFences(render: (text: string) => Promise<string | null>): (md: MarkdownIt) => MarkdownIt {
    const pictures = new Map<string, string>();
    const pending = new Set<string>();
    const draw = (text: string) => {
        if (pending.has(text)) return;
        pending.add(text);
        render(text).then(svg => {
            if (svg === null) return;
            if (pictures.size >= MAX_CACHED) pictures.delete(pictures.keys().next().value!);
            pictures.set(text, `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`);
            return vscode.commands.executeCommand('markdown.preview.refresh');
        }, () => undefined).finally(() => pending.delete(text));
    };
    return md => {
        const fallback = md.renderer.rules.fence;
        md.renderer.rules.fence = (tokens, index, ...rest) => {
            const token = tokens[index];
            const code = fallback ? fallback(tokens, index, ...rest) : '';
            if (!FENCE_LANGUAGES.has(token.info.trim().split(/\s+/)[0])) return code;
            const picture = pictures.get(token.content);
            if (!picture) {
                draw(token.content);
                return code;
            }
            return `<div class="moat-diagram"><img alt="Data-flow diagram of the threat model" src="${picture}"></div>`;
        };
        return md;
    };
}
