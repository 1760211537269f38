// Types for scripts/manifest-url.js, so the TypeScript tests can import it.
export declare const URL_DEV: string;
export declare class ManifestUrlError extends Error {}
export declare function normalizeBaseUrl(urlProd: string): string;
export declare function rewriteManifestUrls(xml: string, urlProd: string, urlDev?: string): string;
