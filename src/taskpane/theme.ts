/**
 * Fluent's light theme as CSS variables. FluentProvider turns the theme object into ~460 variables
 * at first render (and the theme object is itself built when its module runs); the production build
 * does that once, at build time, with Fluent's own createCSSRuleFromTheme (webpack.config.js defines
 * KTXH_THEME_CSS), the pane's stylesheet sets them on :root, and the provider is given no theme of
 * its own. A bundle built without it (the browser tests' harness) gets no sheet rule here, and the
 * provider the theme object. The conditions are constants for webpack, so the production bundle
 * does not carry webLightTheme.
 */
import { type PartialTheme, webLightTheme } from "@fluentui/react-components";

declare const KTXH_THEME_CSS: string | undefined;

/** The `:root { --token: value; … }` rule, or "" when the provider sets the variables itself. */
export const THEME_CSS: string = typeof KTXH_THEME_CSS === "string" ? KTXH_THEME_CSS : "";

/** What Root hands FluentProvider. */
export const PROVIDER_THEME: PartialTheme = typeof KTXH_THEME_CSS === "string" ? {} : webLightTheme;
