/** The part of markdown-it's API this plugin uses. */
interface MarkdownIt {
    renderer: { rules: Record<string, ((tokens: { info: string; content: string }[], index: number, ...rest: unknown[]) => string) | undefined> };
}

/** What drawing fences needs from the editor: the server's picture, the preview's refresh, a log. */
export interface FenceHost {
    /** The fence's model drawn as SVG; null when there is nothing to draw. Rejects when the server could not answer. */
    render(text: string): Promise<string | null>;
    /** Asks the Markdown preview to render again (`markdown.preview.refresh`). */
    refresh(): void;
    /** Reports a fence that could not be drawn. */
    log(message: string): void;
}

const FENCE_LANGUAGES = new Set(['tm', 'moat']);
const MAX_CACHED = 50;
/** A failed request is tried this many more times, this long apart. */
const RETRIES = 2;
const RETRY_MS = 1000;
/**
 * A refresh the preview dropped (it can, while an update of its own is pending) is asked again
 * this long after, this many times at most, until the picture has been rendered.
 */
const REFRESH_CHECK_MS = 1000;
const REFRESHES = 3;

/**
 * Draws ```` ```tm ```` fenced blocks of VS Code's Markdown preview as the model's DFD. markdown-it
 * renders synchronously and the server answers asynchronously, so a fence first shows its code;
 * once the server has drawn it, the preview is refreshed and the picture (an `<img>` of the SVG,
 * which can run nothing) replaces the code.
 */
export function markdownFences(host: FenceHost): (md: MarkdownIt) => MarkdownIt {
    const pictures = new Map<string, string>();
    const pending = new Set<string>();
    /** Fences whose picture has been rendered into the preview since it arrived. */
    const shown = new Set<string>();

    const refreshUntilShown = (text: string, attempt = 1) => {
        host.refresh();
        if (attempt < REFRESHES) setTimeout(() => { if (!shown.has(text) && pictures.has(text)) refreshUntilShown(text, attempt + 1); }, REFRESH_CHECK_MS);
    };
    const draw = (text: string, attempt = 0) => {
        if (pending.has(text)) return;
        pending.add(text);
        host.render(text).then(svg => {
            pending.delete(text);
            if (svg === null) return;
            if (pictures.size >= MAX_CACHED) pictures.delete(pictures.keys().next().value!);
            pictures.set(text, `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`);
            shown.delete(text);
            refreshUntilShown(text);
        }, (error: unknown) => {
            pending.delete(text);
            const retry = attempt < RETRIES;
            host.log(`A Markdown fence could not be drawn${retry ? ', trying again' : ''}: ${error instanceof Error ? error.message : String(error)}`);
            if (retry) setTimeout(() => draw(text, attempt + 1), RETRY_MS);
        });
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
            // Least recently used goes first when the cache is full: a fence on screen stays cached.
            pictures.delete(token.content);
            pictures.set(token.content, picture);
            shown.add(token.content);
            return `<div class="moat-diagram"><img alt="Data-flow diagram of the threat model" src="${picture}"></div>`;
        };
        return md;
    };
}
