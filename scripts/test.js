#!/usr/bin/env node
// `npm test`: makes sure the tools the tests drive are on the machine (Chromium for the task pane,
// LibreOffice and pdftoppm for the generated files), builds the pane and the CLI (webpack), then runs jest.
// A missing tool is installed when we are root with apt-get; otherwise we stop with the exact command.
"use strict";
const { execSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const APT_PACKAGES = ["chromium", "libreoffice-calc", "libreoffice-writer", "poppler-utils", "fonts-liberation", "fonts-dejavu-core"];

function have(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

function missingTools() {
  const missing = [];
  if (!fs.existsSync("/usr/bin/chromium")) missing.push("chromium");
  if (!have("soffice") && !have("libreoffice")) missing.push("libreoffice");
  if (!have("pdftoppm")) missing.push("pdftoppm");
  return missing;
}

function ensureTools() {
  const missing = missingTools();
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${APT_PACKAGES.join(" ")}`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !have("apt-get")) {
    console.error(`The tests need ${missing.join(", ")}. Install them, then run npm test again:\n  sudo ${cmd}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(", ")}: ${cmd}`);
  execSync(cmd, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const still = missingTools();
  if (still.length) {
    console.error(`Still missing after install: ${still.join(", ")}. Run:\n  ${cmd}`);
    process.exit(1);
  }
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureTools();
// Both webpack configs: the pane into dist/, the CLI bundle into lib/.
run("npx", ["webpack", "--mode", "production"]);
run("npx", ["jest", ...process.argv.slice(2)]);
