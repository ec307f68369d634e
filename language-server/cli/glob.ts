/**
 * A `code` glob as a regular expression over `/`-separated paths: `**` matches any number of
 * folders, `*` anything but `/`, `?` one character but `/`, `{a,b}` either; everything else is
 * literal. A glob ending in `/` or naming a folder matches everything under it.
 */
export function globToRegExp(glob: string): RegExp {
    let source = '';
    const text = glob.replace(/^\.\//, '').replace(/\/$/, '/**');
    for (let index = 0; index < text.length; index++) {
        const character = text[index];
        if (character === '*' && text[index + 1] === '*') {
            const slash = text[index + 2] === '/';
            source += slash ? '(?:.*/)?' : '.*';
            index += slash ? 2 : 1;
        } else if (character === '*') {
            source += '[^/]*';
        } else if (character === '?') {
            source += '[^/]';
        } else if (character === '{') {
            const end = text.indexOf('}', index);
            if (end < 0) source += '\\{';
            else {
                source += `(?:${text.slice(index + 1, end).split(',').map(escapeRegExp).join('|')})`;
                index = end;
            }
        } else {
            source += escapeRegExp(character);
        }
    }
    return new RegExp(`^${source}(?:/.*)?$`);
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
