/**
 * The Content-Security-Policy allows <style> elements only with this response's nonce, which
 * the server writes into <meta name="csp-nonce" content="…"> of index.html (a `nonce`
 * attribute would be hidden from scripts; `content` is not). Mantine receives it through
 * MantineProvider's getStyleNonce; the scroll lock under Modal and Drawer
 * (react-remove-scroll, through get-nonce) reads the conventional `__webpack_nonce__` global.
 * Import this module before anything renders.
 */
export const styleNonce: string | undefined =
  document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;

declare global {
  var __webpack_nonce__: string | undefined;
}

if (styleNonce) globalThis.__webpack_nonce__ = styleNonce;
