// Preloaded with `node -r`: on exit, writes every module file the process loaded to $KTXH_LOADS_FILE,
// one path a line. Used to prove which libraries a command does not load.
"use strict";
const fs = require("node:fs");
const Module = require("node:module");
const seen = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  seen.add(request);
  return load.call(this, request, parent, isMain);
};
process.on("exit", () => {
  const files = [...Object.keys(require.cache), ...[...seen].map((r) => `request:${r}`)];
  fs.writeFileSync(process.env.KTXH_LOADS_FILE, files.join("\n"));
});
