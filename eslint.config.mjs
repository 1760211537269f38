// Lint: typescript-eslint's recommended rules, plus the direction of the layers (README, "What each
// folder holds"):
//   core  ←  contract  ←  layout  ←  hosts/{excel,xlsx,docx}  ←  cli, taskpane
// The core and the contract are pure (no Office, no DOM, no Node I/O); layouts are data and their
// pure readers/renderers; only hosts/excel touches Office.js, only hosts/xlsx ExcelJS, only
// hosts/docx the docx package; nothing but the pane imports the pane.
import tseslint from "typescript-eslint";

const io = ["fs", "path", "os", "child_process", "node:*", "exceljs", "docx", "react", "react-dom", "react/*", "@fluentui/*"];
const layer = (name, dirs) => ({ group: dirs.flatMap((d) => [`**/${d}`, `**/${d}/**`]), message: `${name} imports no layer above it (eslint.config.mjs).` });
const officeGlobals = ["Excel", "Office", "OfficeExtension"];
const domGlobals = ["document", "window", "navigator"];

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "lib/**", "out/**", "coverage/**", "test-artifacts/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: io, message: "The core is pure: no Office, no DOM, no Node I/O." },
        layer("The core", ["contract", "layout", "hosts", "taskpane", "cli", "testing", "seeds"]),
      ] }],
      "no-restricted-globals": ["error", ...officeGlobals, ...domGlobals],
    },
  },
  {
    files: ["src/contract/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: io, message: "The contract is types between the pane and the hosts: no I/O." },
        layer("The contract", ["layout", "hosts", "taskpane", "cli", "testing", "seeds"]),
      ] }],
      "no-restricted-globals": ["error", ...officeGlobals, ...domGlobals],
    },
  },
  {
    files: ["src/layout/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: io, message: "Layouts are data and pure code: no Office, no DOM, no Node I/O." },
        layer("The layout", ["hosts", "taskpane", "cli", "testing", "seeds"]),
      ] }],
      "no-restricted-globals": ["error", ...officeGlobals, ...domGlobals],
    },
  },
  {
    files: ["src/layout/sheets/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: io, message: "Layouts are data." },
        layer("Sheet layouts (data)", ["hosts", "taskpane", "cli", "testing", "seeds"]),
        { group: ["../merge", "../read", "../actuals", "../computed", "../judge"], message: "Sheet layouts are data: the code that reads or renders them imports them, not the other way." },
      ] }],
    },
  },
  {
    files: ["src/hosts/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: io, message: "The Office.js host runs in the pane's browser: no Node I/O, no ExcelJS, no UI." },
        layer("The Office.js host", ["taskpane", "cli", "testing", "hosts/xlsx", "hosts/docx"]),
        { group: ["../xlsx", "../xlsx/**", "../docx", "../docx/**"], message: "The Office.js host uses no other host." },
      ] }],
    },
  },
  {
    files: ["src/hosts/xlsx/**/*.ts", "src/hosts/docx/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["react", "react-dom", "@fluentui/*"], message: "File hosts have no UI." },
        layer("A file host", ["taskpane", "cli", "testing", "hosts/excel"]),
        { group: ["../excel", "../excel/**"], message: "A file host does not use the Office.js host." },
      ] }],
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["react", "react-dom", "@fluentui/*"], message: "The CLI has no UI." },
        layer("The CLI", ["taskpane", "hosts/excel", "testing"]),
      ] }],
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["fs", "path", "os", "child_process", "node:*", "exceljs", "docx"], message: "The pane runs in the browser." },
        layer("The pane", ["hosts", "cli", "testing"]),
      ] }],
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
  {
    // The pane's entry is the one place that wires the hosts in: the Office.js host, and the file host's
    // cycle functions (hosts/xlsx/cycle-files, loaded on demand) that the Office.js host is handed.
    files: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        layer("The pane's entry", ["hosts/docx", "cli", "testing"]),
        { group: ["**/hosts/xlsx/*", "!**/hosts/xlsx/cycle-files"], message: "The pane's entry takes only the cycle's file functions from the file host." },
      ] }],
      "no-restricted-globals": ["error", ...officeGlobals],
    },
  },
);
