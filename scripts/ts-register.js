// Lets plain `node` run TypeScript sources (benchmarks, scripts) by transpiling them on require.
// Type checking is `npm run lint`'s job; this only strips types.
"use strict";
const fs = require("node:fs");
const ts = require("typescript");

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  resolveJsonModule: true,
  sourceMap: false,
};
for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = function (module, filename) {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
    module._compile(outputText, filename);
  };
}
