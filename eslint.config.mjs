// Lint: typescript-eslint's recommended rules, plus the lines the architecture holds:
// the core imports no host, Office.js is touched only in src/excel, ExcelJS only in src/xlsx.
import tseslint from "typescript-eslint";

const nodeBuiltins = ["fs", "path", "os", "child_process", "node:*", "exceljs", "docx"];

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
    files: ["src/domain/**/*.ts", "src/layout/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: [...nodeBuiltins, "react", "react-dom", "@fluentui/*", "**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/cli/**"], message: "The core is pure: no Office, no DOM, no Node I/O." },
      ] }],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window", "OfficeExtension"],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: [...nodeBuiltins, "**/xlsx/**", "**/cli/**"], message: "The pane runs in the browser; Excel calls go through src/excel." },
      ] }],
      "no-restricted-globals": ["error", "Excel", "Office", "OfficeExtension"],
    },
  },
  {
    files: ["src/xlsx/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Excel", "Office", "OfficeExtension"],
    },
  },
);
