/**
 * Fluent's light theme as CSS variables. FluentProvider turns the theme object into ~460 variables
 * at first render (and the theme object is itself built when its module runs); the production build
 * does that once, at build time, with Fluent's own createCSSRuleFromTheme, and writes the rule with
 * the pane's own sheet (styles.ts) into taskpane.html (webpack.config.js, which also defines
 * KTXH_STYLES_IN_PAGE): the provider is then given no theme of its own. A bundle built without it
 * (the browser tests' harness) gets the sheet from installStyles and the theme from the provider.
 * The condition is a constant for webpack, so the production bundle carries neither webLightTheme
 * nor the sheet's text.
 */
import { type PartialTheme, webLightTheme } from "@fluentui/react-components";

declare const KTXH_STYLES_IN_PAGE: boolean | undefined;

/** The page carries the theme's variables and the pane's sheet (the production build). */
export const STYLES_IN_PAGE: boolean = typeof KTXH_STYLES_IN_PAGE === "boolean" && KTXH_STYLES_IN_PAGE;

/** What Root hands FluentProvider. */
export const PROVIDER_THEME: PartialTheme = STYLES_IN_PAGE ? {} : webLightTheme;
