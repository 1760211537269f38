// Builds the task pane into dist/ (after Microsoft's Office-Addin-TaskPane-React template, lighter).
//   npm run build                                        production build, manifest URLs left at localhost
//   npm run build -- --env urlProd=https://server/path/  production build for the office's own server
//   npm run dev-server                                   https://localhost:3000 with the Office dev certificate
// office.js is not bundled: taskpane.html loads it from Microsoft's CDN, as Office requires.
// The same file builds the CLI, `ktxh`, into lib/ (config "cli", also run alone by `npm run build:cli`
// and on `npm ci`): one bundle of our code and zod, tree-shaken, so a command starts without
// resolving and compiling a hundred modules; its commands stay in chunks loaded when they run, and
// ExcelJS, docx and papaparse are required from node_modules only by the commands that use them.
"use strict";
const path = require("node:path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { URL_DEV, rewriteManifestUrls } = require("./scripts/manifest-url.js");

// The pane's stylesheet, written into taskpane.html's head: Fluent's light theme as CSS variables,
// made once here by Fluent's own function rather than by FluentProvider at the pane's first render
// (src/taskpane/theme.ts), and the pane's own rules (src/taskpane/styles.ts, run here from its
// TypeScript source). In the page, the sheet is parsed while office.js downloads, not by the bundle
// once Office is ready.
function paneCss() {
  const { createCSSRuleFromTheme } = require("@fluentui/react-provider");
  const { webLightTheme } = require("@fluentui/tokens");
  require("./scripts/ts-register.js");
  // Read afresh on every compilation, so the dev server's page follows an edit of the sheet.
  for (const id of Object.keys(require.cache)) if (id.includes(`${path.sep}src${path.sep}taskpane${path.sep}`)) delete require.cache[id];
  const { PANE_CSS } = require("./src/taskpane/styles.ts");
  return createCSSRuleFromTheme(":root", webLightTheme) + PANE_CSS;
}

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

// The certificate tools are needed by `webpack serve` only, so a plain build works offline without them.
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

// Office never runs the function file (the ribbon button only opens the pane), but the manifest
// schema requires one; this page just lets Office initialise.
const COMMANDS_HTML = `<!DOCTYPE html>
<html lang="vi"><head><meta charset="UTF-8" /><title>KT-XH</title>
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
<script>Office.onReady(function () {});</script></head><body></body></html>
`;

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const urlProd = env.urlProd;
  if (!dev && !urlProd && !env.WEBPACK_SERVE) {
    console.log(`KT-XH: dist/manifest.xml keeps ${URL_DEV}; for a server build add --env urlProd=https://server/path/`);
  }

  const pane = {
    name: "pane",
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules reach webpack untouched so unused Fluent UI code is dropped; types are checked
            // by `npm run lint`, not here, which keeps the build quick.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } },
          },
        },
      ],
    },
    optimization: {
      // The HTML pages stay as written: their inline scripts are ES3 by construction (test/build.test.ts).
      minimizeOptions: { html: false },
      splitChunks: {
        cacheGroups: {
          // React and Fluent change less often than our code, so browsers keep them cached across releases.
          // Only what the first paint needs: packages used by the chunks loaded later (zod with the
          // host and the seeds) stay with those chunks.
          vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "initial" },
        },
      },
    },
    plugins: [
      // The file chunks (src/hosts/xlsx/cycle-files.ts, loaded on demand) read books with the same reader
      // as the CLI: Buffer comes from the "buffer" package, and the bounded inflate that checks what each
      // zip entry really expands to (Node's zlib there) is the browser's DecompressionStream here, under
      // the same limits (src/hosts/xlsx/inflate.browser.ts). It keeps no inflated bytes, so ExcelJS reads
      // each package itself (src/hosts/xlsx/load-inflated.browser.ts declines; the Node one reaches
      // ExcelJS's lib modules).
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new webpack.DefinePlugin({ KTXH_STYLES_IN_PAGE: "true" }),
      new webpack.NormalModuleReplacementPlugin(/^\.\/(inflate|load-inflated)$/, (r) => {
        if (/[\\/]src[\\/]hosts[\\/]xlsx$/.test(r.context)) r.request = `${r.request}.browser`;
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        // The page's own inline script adds the bundle tags, and only where the browser can run them.
        inject: false,
        templateParameters: (compilation, assets, tags, options) => ({
          compilation,
          webpackConfig: compilation.options,
          htmlWebpackPlugin: { tags, files: assets, options },
          paneCss: paneCss(),
        }),
        minify: false,
      }),
      new HtmlWebpackPlugin({ filename: "commands.html", templateContent: COMMANDS_HTML, inject: false, minify: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "assets/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (urlProd ? rewriteManifestUrls(content.toString("utf8"), urlProd) : content),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE
      ? {
          hot: true,
          port: DEV_PORT,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
        }
      : undefined,
  };
  return env.WEBPACK_SERVE ? pane : [pane, cliConfig()];
};

/** The CLI bundle: lib/ktxh.js (bin/ktxh.js runs it) and its command chunks. */
function cliConfig() {
  const bundled = (request) => request.startsWith(".") || request.startsWith("/") || request.startsWith("zod");
  return {
    name: "cli",
    mode: "production",
    target: "node20",
    devtool: false,
    entry: { ktxh: "./src/cli/main.ts" },
    output: {
      path: path.resolve(__dirname, "lib"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].js",
      library: { type: "commonjs2" },
      clean: true,
    },
    resolve: { extensions: [".ts", ".js", ".json"] },
    externalsPresets: { node: true },
    // Packages other than zod stay in node_modules, loaded by the code that needs them.
    externals: [({ request }, callback) => (bundled(request) ? callback() : callback(null, `commonjs ${request}`))],
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
        },
      ],
    },
    // Readable stack traces for a bug report: the code is bundled, not minified.
    optimization: { minimize: false, chunkIds: "named", moduleIds: "named" },
    performance: { hints: false },
  };
}
