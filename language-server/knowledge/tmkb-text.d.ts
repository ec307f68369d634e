/** Built-in knowledge bases are bundled as text: esbuild's `text` loader, and a Vite plugin in tests. */
declare module '*.tmkb' {
    const text: string;
    export default text;
}
