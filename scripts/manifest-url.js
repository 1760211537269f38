// The manifest in the repository points at the development server; a production build points it at
// the office's own server instead (`npm run build -- --env urlProd=https://server/path/`).
// Plain CommonJS because webpack.config.js loads it without a TypeScript step.
"use strict";

const URL_DEV = "https://localhost:3000/";

class ManifestUrlError extends Error {
  constructor(message) {
    super(message);
    this.name = "ManifestUrlError";
  }
}

/** Checks the production base URL and gives it the trailing slash the manifest paths are joined to. */
function normalizeBaseUrl(urlProd) {
  let url;
  try {
    url = new URL(String(urlProd));
  } catch {
    throw new ManifestUrlError(`urlProd is not a URL: "${urlProd}"`);
  }
  // Office loads add-ins over https only; a plain http manifest is rejected at sideload time.
  if (url.protocol !== "https:") throw new ManifestUrlError(`urlProd must start with https://, got "${urlProd}"`);
  if (url.search || url.hash) throw new ManifestUrlError(`urlProd must not carry a query or fragment: "${urlProd}"`);
  const base = url.href.endsWith("/") ? url.href : url.href + "/";
  return base;
}

function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Replaces every development URL prefix in the manifest text with the production base URL. */
function rewriteManifestUrls(xml, urlProd, urlDev = URL_DEV) {
  const base = escapeXml(normalizeBaseUrl(urlProd));
  return String(xml).split(urlDev).join(base);
}

module.exports = { URL_DEV, ManifestUrlError, normalizeBaseUrl, rewriteManifestUrls };
