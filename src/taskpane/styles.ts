/**
 * The pane's own styles, as one plain stylesheet over Fluent's design tokens (CSS variables set by
 * FluentProvider). makeStyles compiles every style object at first render, which cost the pane tens
 * of milliseconds before its first usable button; a static sheet costs the browser a parse. Text
 * uses the type ramp of Fluent's Text presets (Title3, Subtitle2, Body1, Caption1) by class; Fluent's
 * Button and Select keep their own styles. Class names are prefixed `ktxh-`.
 */
import { tokens as t } from "@fluentui/react-components";
import { CONTROLS_CSS } from "./components/Controls";
import { STYLES_IN_PAGE } from "./theme";

const CSS = `
.ktxh-root{font-family:${t.fontFamilyBase};color:${t.colorNeutralForeground1}}
.ktxh-title3{font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase600};line-height:${t.lineHeightBase600};font-weight:${t.fontWeightSemibold}}
.ktxh-subtitle1{font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase500};line-height:${t.lineHeightBase500};font-weight:${t.fontWeightSemibold}}
.ktxh-subtitle2{font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase400};line-height:${t.lineHeightBase400};font-weight:${t.fontWeightSemibold}}
.ktxh-body1{font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300};font-weight:${t.fontWeightRegular}}
.ktxh-caption1{font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase200};line-height:${t.lineHeightBase200};font-weight:${t.fontWeightRegular}}
.ktxh-root{display:flex;flex-direction:column;gap:${t.spacingVerticalL};padding:${t.spacingVerticalL} ${t.spacingHorizontalL};max-width:640px;box-sizing:border-box}
.ktxh-header{display:flex;flex-direction:column;gap:${t.spacingVerticalXXS}}
.ktxh-section{display:flex;flex-direction:column;gap:${t.spacingVerticalS}}
.ktxh-root .ktxh-heading{margin:0}
.ktxh-heading-row{display:flex;flex-wrap:wrap;align-items:baseline;column-gap:${t.spacingHorizontalS}}
.ktxh-root .ktxh-inline{min-width:0;padding:0;border-width:0;height:auto;vertical-align:baseline;color:${t.colorBrandForegroundLink};text-decoration-line:underline}
.ktxh-root .ktxh-inline:hover{color:${t.colorBrandForegroundLinkHover}}
.ktxh-root .ktxh-inline:focus-visible{box-shadow:none;outline:${t.strokeWidthThick} solid ${t.colorStrokeFocus2};outline-offset:1px}
.ktxh-root .ktxh-compact>.fui-Button{min-width:0}
.ktxh-root .ktxh-muted{color:${t.colorNeutralForeground3}}
.ktxh-root .ktxh-wrap{overflow-wrap:anywhere}
.ktxh-label{color:${t.colorNeutralForeground1};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300}}
.ktxh-busy{display:flex;align-items:center;gap:${t.spacingHorizontalS};color:${t.colorNeutralForeground2};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300}}
.ktxh-spin{box-sizing:border-box;width:16px;height:16px;flex-shrink:0;border:2px solid ${t.colorBrandStroke2};border-top-color:${t.colorBrandStroke1};border-radius:50%;animation:ktxh-spin 0.9s linear infinite}
@keyframes ktxh-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.ktxh-spin{animation-duration:3s}}
.ktxh-field{display:flex;flex-direction:column;gap:${t.spacingVerticalXXS};min-width:0}
.ktxh-row{display:flex;flex-wrap:wrap;gap:${t.spacingHorizontalS}}
.ktxh-period{display:flex;align-items:flex-end;gap:${t.spacingHorizontalS}}
.ktxh-goto{display:flex;flex-wrap:wrap;align-items:baseline;gap:${t.spacingVerticalXXS} ${t.spacingHorizontalM};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300}}
.ktxh-link{color:${t.colorBrandForegroundLink};text-decoration:underline}
.ktxh-link:hover{color:${t.colorBrandForegroundLinkHover}}
.ktxh-filter{display:flex;flex-wrap:wrap;gap:${t.spacingHorizontalS}}
.ktxh-filter>.ktxh-field{flex:1 1 130px}
.ktxh-search{box-sizing:border-box;width:100%;min-height:32px;padding:0 ${t.spacingHorizontalS};border:${t.strokeWidthThin} solid ${t.colorNeutralStroke1};border-bottom-color:${t.colorNeutralStrokeAccessible};border-radius:${t.borderRadiusMedium};background-color:${t.colorNeutralBackground1};color:${t.colorNeutralForeground1};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300}}
.ktxh-search::placeholder{color:${t.colorNeutralForeground4}}
.ktxh-root [tabindex="-1"]:focus{outline:2px solid ${t.colorStrokeFocus2};outline-offset:2px}
.ktxh-period>.ktxh-label{color:${t.colorNeutralForeground1};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300}}
.ktxh-busy{display:flex;align-items:center;gap:${t.spacingHorizontalS};color:${t.colorNeutralForeground2};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300}}
.ktxh-spin{box-sizing:border-box;width:16px;height:16px;flex-shrink:0;border:2px solid ${t.colorBrandStroke2};border-top-color:${t.colorBrandStroke1};border-radius:50%;animation:ktxh-spin 0.9s linear infinite}
@keyframes ktxh-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.ktxh-spin{animation-duration:3s}}
.ktxh-field{flex-grow:1}
.ktxh-fields>summary{cursor:pointer;font-weight:${t.fontWeightSemibold}}
.ktxh-fields-body{display:flex;flex-direction:column;gap:${t.spacingVerticalS};margin-top:${t.spacingVerticalS}}
.ktxh-fieldset{margin:0;padding:0;border:0;min-width:0;display:flex;flex-direction:column;gap:${t.spacingVerticalXXS}}
.ktxh-fieldset .ktxh-filter>.ktxh-field{flex:1 1 80px}
.ktxh-root .ktxh-field-error{color:${t.colorPaletteRedForeground1}}
.ktxh-search:disabled{color:${t.colorNeutralForegroundDisabled};background-color:${t.colorNeutralBackgroundDisabled}}
.ktxh-bullets{margin:0;padding-inline-start:${t.spacingHorizontalL}}
.ktxh-plain-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:${t.spacingVerticalS}}

.ktxh-notice{display:flex;align-items:flex-start;gap:${t.spacingHorizontalS};padding:${t.spacingVerticalS} ${t.spacingHorizontalM};border-radius:${t.borderRadiusMedium};border-left:4px solid;color:${t.colorNeutralForeground1};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300};overflow-wrap:anywhere}
.ktxh-notice-success{background-color:${t.colorStatusSuccessBackground1};border-left-color:${t.colorStatusSuccessBorderActive}}
.ktxh-notice-warning{background-color:${t.colorStatusWarningBackground1};border-left-color:${t.colorStatusWarningBorderActive}}
.ktxh-notice-error{background-color:${t.colorStatusDangerBackground1};border-left-color:${t.colorStatusDangerBorderActive}}
.ktxh-notice-body{flex-grow:1;min-width:0}
.ktxh-notice-title{display:block;font-weight:${t.fontWeightSemibold}}
.ktxh-notice-action{flex-shrink:0}
.ktxh-notices{padding:${t.spacingVerticalS} ${t.spacingHorizontalM};border-radius:${t.borderRadiusMedium};border-left:4px solid ${t.colorStatusWarningBorderActive};background-color:${t.colorStatusWarningBackground1};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase200};line-height:${t.lineHeightBase200}}
.ktxh-notices>summary{cursor:pointer;font-size:${t.fontSizeBase300};font-weight:${t.fontWeightSemibold}}
.ktxh-notices>ul{margin:${t.spacingVerticalS} 0 0;padding-inline-start:${t.spacingHorizontalL};display:flex;flex-direction:column;gap:${t.spacingVerticalXS}}

.ktxh-counts{display:grid;grid-template-columns:1fr 1fr;gap:${t.spacingHorizontalS};margin:0;padding:0;list-style-type:none}
.ktxh-tile{display:flex;align-items:center;gap:${t.spacingHorizontalS};padding:${t.spacingVerticalS} ${t.spacingHorizontalS};border-radius:${t.borderRadiusMedium};background-color:${t.colorNeutralBackground2};min-width:0}
.ktxh-root .ktxh-tile-label{color:${t.colorNeutralForeground2};line-height:${t.lineHeightBase200}}

.ktxh-mark{display:inline-flex;align-items:center;justify-content:center;box-sizing:border-box;flex-shrink:0;font-family:${t.fontFamilyBase};font-weight:${t.fontWeightSemibold};white-space:nowrap;border:${t.strokeWidthThin} solid transparent}
.ktxh-mark-count{min-width:28px;height:28px;padding:0 6px;border-radius:${t.borderRadiusCircular};font-size:${t.fontSizeBase300};color:${t.colorNeutralForegroundOnBrand}}
.ktxh-mark-count.ktxh-vuot{background-color:${t.colorPaletteGreenBackground3}}
.ktxh-mark-count.ktxh-dat{background-color:${t.colorBrandBackground}}
.ktxh-mark-count.ktxh-khong-dat{background-color:${t.colorPaletteRedBackground3}}
.ktxh-mark-count.ktxh-xem-lai{background-color:${t.colorPaletteDarkOrangeBackground3}}
.ktxh-mark-count.ktxh-thieu-so-lieu{background-color:${t.colorPaletteYellowBackground3};color:${t.colorNeutralForeground1}}
.ktxh-mark-count.ktxh-chua-danh-gia{background-color:${t.colorNeutralBackground5};color:${t.colorNeutralForeground1}}
.ktxh-mark-tag{height:20px;padding:0 6px;border-radius:${t.borderRadiusMedium};font-size:${t.fontSizeBase200}}
.ktxh-mark-tag.ktxh-vuot{background-color:${t.colorPaletteGreenBackground1};border-color:${t.colorPaletteGreenBorder1};color:${t.colorPaletteGreenForeground1}}
.ktxh-mark-tag.ktxh-dat{background-color:${t.colorBrandBackground2};border-color:${t.colorBrandStroke2};color:${t.colorBrandForeground2}}
.ktxh-mark-tag.ktxh-khong-dat{background-color:${t.colorPaletteRedBackground1};border-color:${t.colorPaletteRedBorder1};color:${t.colorPaletteRedForeground1}}
.ktxh-mark-tag.ktxh-xem-lai{background-color:${t.colorPaletteDarkOrangeBackground1};border-color:${t.colorPaletteDarkOrangeBorder1};color:${t.colorPaletteDarkOrangeForeground1}}
.ktxh-mark-tag.ktxh-thieu-so-lieu{background-color:${t.colorPaletteYellowBackground1};border-color:${t.colorPaletteYellowBorder1};color:${t.colorPaletteYellowForeground2}}
.ktxh-mark-tag.ktxh-chua-danh-gia{background-color:${t.colorNeutralBackground3};border-color:${t.colorNeutralStroke1};color:${t.colorNeutralForeground2}}

.ktxh-list{display:flex;flex-direction:column;gap:${t.spacingVerticalXS};margin:0;padding:0;list-style-type:none}
.ktxh-item{display:flex;flex-direction:column;align-items:stretch;gap:${t.spacingVerticalXXS};width:100%;box-sizing:border-box;padding:${t.spacingVerticalS} ${t.spacingHorizontalM};border:${t.strokeWidthThin} solid ${t.colorNeutralStroke2};border-radius:${t.borderRadiusMedium};background-color:${t.colorNeutralBackground1};color:${t.colorNeutralForeground1};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300};text-align:start;cursor:pointer}
.ktxh-item:hover{background-color:${t.colorNeutralBackground1Hover}}
.ktxh-item:active{background-color:${t.colorNeutralBackground1Pressed}}
.ktxh-item:focus{outline:none}
.ktxh-item:focus-visible{outline:${t.strokeWidthThick} solid ${t.colorStrokeFocus2};outline-offset:1px}
.ktxh-item-head{display:flex;align-items:center;justify-content:space-between;gap:${t.spacingHorizontalS}}
.ktxh-item-no{font-weight:${t.fontWeightSemibold}}
.ktxh-root .ktxh-item-reason{color:${t.colorNeutralForeground2};overflow-wrap:anywhere}
.ktxh-root .ktxh-item-where{color:${t.colorBrandForeground1}}
.ktxh-why{display:flex;flex-direction:column;gap:${t.spacingVerticalXXS}}
.ktxh-item-box{position:relative}
.ktxh-why-toggle{position:absolute;inset-inline-start:40%;top:calc(${t.spacingVerticalS} + ${t.strokeWidthThin});margin:0;padding:0;border:0;background:none;cursor:pointer;color:${t.colorBrandForeground1};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase200};line-height:${t.lineHeightBase300};text-decoration:underline;white-space:nowrap}
.ktxh-why-toggle:hover{color:${t.colorBrandForegroundLinkHover}}
.ktxh-why-toggle:focus{outline:none}
.ktxh-why-toggle:focus-visible{outline:${t.strokeWidthThick} solid ${t.colorStrokeFocus2};outline-offset:1px}
.ktxh-why-body[hidden]{display:none}
.ktxh-why-change-list{margin:0;padding-inline-start:${t.spacingHorizontalL};display:flex;flex-direction:column;gap:${t.spacingVerticalXXS}}
.ktxh-why-body{display:flex;flex-direction:column;gap:${t.spacingVerticalXXS};padding:${t.spacingVerticalXS} ${t.spacingHorizontalM};border-inline-start:${t.strokeWidthThick} solid ${t.colorBrandStroke2};color:${t.colorNeutralForeground2}}

.ktxh-counts.ktxh-counts-3{grid-template-columns:1fr 1fr 1fr}
.ktxh-task-counts{display:flex;flex-direction:column;gap:${t.spacingVerticalXS}}
.ktxh-mark-count.ktxh-task-count{background-color:${t.colorNeutralBackground5};color:${t.colorNeutralForeground1}}
.ktxh-mark-count.ktxh-sev-error{background-color:${t.colorPaletteRedBackground3}}
.ktxh-mark-count.ktxh-sev-warning{background-color:${t.colorPaletteYellowBackground3};color:${t.colorNeutralForeground1}}
.ktxh-mark-count.ktxh-sev-info{background-color:${t.colorBrandBackground}}
.ktxh-mark-tag.ktxh-sev-error{background-color:${t.colorPaletteRedBackground1};border-color:${t.colorPaletteRedBorder1};color:${t.colorPaletteRedForeground1}}
.ktxh-mark-tag.ktxh-sev-warning{background-color:${t.colorPaletteYellowBackground1};border-color:${t.colorPaletteYellowBorder1};color:${t.colorPaletteYellowForeground2}}
.ktxh-mark-tag.ktxh-sev-info{background-color:${t.colorBrandBackground2};border-color:${t.colorBrandStroke2};color:${t.colorBrandForeground2}}
.ktxh-check{display:flex;align-items:flex-start;gap:${t.spacingHorizontalS};cursor:pointer}
.ktxh-check>input{margin:3px 0 0;width:16px;height:16px;flex-shrink:0;accent-color:${t.colorBrandBackground}}
.ktxh-groups{display:flex;flex-direction:column;gap:${t.spacingVerticalM}}
.ktxh-group{display:flex;flex-direction:column;gap:${t.spacingVerticalXS}}
.ktxh-root .ktxh-group-title{font-weight:${t.fontWeightSemibold}}
.ktxh-issue{display:flex;flex-direction:column;gap:${t.spacingVerticalXXS}}
.ktxh-issue>.ktxh-issue-fix{align-self:flex-end}
.ktxh-item.ktxh-item-static{cursor:default}
.ktxh-item.ktxh-item-static:hover{background-color:${t.colorNeutralBackground1}}

.ktxh-dialog{box-sizing:border-box;width:calc(100vw - 24px);max-width:480px;padding:${t.spacingHorizontalL};border:none;border-radius:${t.borderRadiusXLarge};box-shadow:${t.shadow64};background-color:${t.colorNeutralBackground1};color:${t.colorNeutralForeground1}}
.ktxh-dialog::backdrop{background-color:rgba(0,0,0,0.4)}
.ktxh-dialog-overlay{position:fixed;inset:0;z-index:1000;display:flex;align-items:center;justify-content:center;background-color:rgba(0,0,0,0.4)}
.ktxh-root .ktxh-dialog-title{display:block;margin:0 0 ${t.spacingVerticalS}}
.ktxh-root .ktxh-dialog-body{margin:0}
.ktxh-dialog ul{margin:${t.spacingVerticalS} 0;padding-inline-start:${t.spacingHorizontalXL};max-height:40vh;overflow-y:auto}
.ktxh-print{display:none}
@media print{
  .ktxh-root>:not(:has(.ktxh-print)),.ktxh-root :has(>.ktxh-print)>:not(.ktxh-print){display:none}
  .ktxh-root *{visibility:hidden}
  .ktxh-root .ktxh-print,.ktxh-root .ktxh-print *{visibility:visible}
  .ktxh-root .ktxh-print{display:block;position:absolute;inset:0 auto auto 0;width:100%}
  .ktxh-print table{width:100%}
}
.ktxh-dialog-actions{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:${t.spacingHorizontalS};margin-top:${t.spacingVerticalL}}
`;

/** The pane's rules (Fluent's theme variables not included); the production build writes them into taskpane.html. */
export const PANE_CSS = CSS + CONTROLS_CSS;

/**
 * Adds the stylesheet once per document; the entry calls it before the first render. The production
 * page already has it in its head, parsed while office.js downloads (webpack.config.js).
 */
export function installStyles(doc: Document = document): void {
  if (STYLES_IN_PAGE || doc.getElementById("ktxh-styles")) return;
  const style = doc.createElement("style");
  style.id = "ktxh-styles";
  style.textContent = PANE_CSS;
  doc.head.appendChild(style);
}
