/**
 * The first screen's button and drop-down: native <button> and <select> drawn like Fluent's Button
 * and Select (same tokens, sizes and states; CONTROLS_CSS below, installed with the pane's sheet).
 * Fluent's own components compute and inject their styles at first render and bring their hooks,
 * slots and focus polyfill into the first task: on the screen a user sees before any plan is loaded
 * (the plan picker, the period, the notices, the closed confirmation dialogs) that work came before
 * the first usable button. The sections that need a plan keep Fluent's components and load later.
 */
import type { ButtonHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { tokens as t } from "@fluentui/react-components";

export interface BtnProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> {
  appearance?: "secondary" | "primary" | "transparent";
  size?: "small" | "medium";
  "data-testid"?: string;
}

/** A push button (never a form submit), Fluent's Button look. */
export function Btn({ appearance = "secondary", size = "medium", className, children, ...rest }: BtnProps) {
  const cls = `ktxh-btn ktxh-btn-${appearance}${size === "small" ? " ktxh-btn-small" : ""}${className ? ` ${className}` : ""}`;
  return (
    <button type="button" className={cls} {...rest}>
      {children}
    </button>
  );
}

export interface NativeSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange"> {
  /** The value chosen (Fluent's Select hands its onChange the same in `data.value`). */
  onValue: (value: string) => void;
  children: ReactNode;
  "data-testid"?: string;
}

/** A native drop-down in Fluent's Select frame (outline, bottom accent, chevron). */
export function NativeSelect({ onValue, className, children, ...rest }: NativeSelectProps) {
  return (
    <span className={`ktxh-select${className ? ` ${className}` : ""}`}>
      <select {...rest} onChange={(e) => onValue(e.currentTarget.value)}>
        {children}
      </select>
    </span>
  );
}

// Fluent's ChevronDown 20 regular, as the drop-down's background (a data: URL cannot use a CSS
// variable: the light theme's colorNeutralForeground3 and colorNeutralForegroundDisabled).
const chevron = (fill: string) =>
  `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='20' height='20' viewBox='0 0 20 20'%3E%3Cpath fill='${encodeURIComponent(fill)}' d='M15.85 7.65a.5.5 0 0 1 0 .7l-5.46 5.49a.55.55 0 0 1-.78 0L4.15 8.35a.5.5 0 1 1 .7-.7L10 12.8l5.15-5.16a.5.5 0 0 1 .7 0Z'/%3E%3C/svg%3E")`;

/** Fluent's Button (secondary, primary, transparent; medium and small) and Select, as plain CSS. */
export const CONTROLS_CSS = `
.ktxh-btn{display:inline-flex;align-items:center;justify-content:center;box-sizing:border-box;vertical-align:middle;margin:0;overflow:hidden;min-width:96px;padding:5px ${t.spacingHorizontalM};border:${t.strokeWidthThin} solid ${t.colorNeutralStroke1};border-radius:${t.borderRadiusMedium};background-color:${t.colorNeutralBackground1};color:${t.colorNeutralForeground1};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};font-weight:${t.fontWeightSemibold};line-height:${t.lineHeightBase300};text-decoration-line:none;outline-style:none;transition-property:background,border,color;transition-duration:${t.durationFaster};transition-timing-function:${t.curveEasyEase}}
.ktxh-btn:hover{background-color:${t.colorNeutralBackground1Hover};border-color:${t.colorNeutralStroke1Hover};color:${t.colorNeutralForeground1Hover};cursor:pointer}
.ktxh-btn:hover:active{background-color:${t.colorNeutralBackground1Pressed};border-color:${t.colorNeutralStroke1Pressed};color:${t.colorNeutralForeground1Pressed}}
.ktxh-btn:focus-visible{border-color:${t.colorStrokeFocus2};outline:${t.strokeWidthThick} solid ${t.colorTransparentStroke};box-shadow:0 0 0 ${t.strokeWidthThin} ${t.colorStrokeFocus2} inset;z-index:1}
.ktxh-btn-primary{background-color:${t.colorBrandBackground};border-color:transparent;color:${t.colorNeutralForegroundOnBrand}}
.ktxh-btn-primary:hover{background-color:${t.colorBrandBackgroundHover};border-color:transparent;color:${t.colorNeutralForegroundOnBrand}}
.ktxh-btn-primary:hover:active{background-color:${t.colorBrandBackgroundPressed};border-color:transparent;color:${t.colorNeutralForegroundOnBrand}}
.ktxh-btn-primary:focus-visible{border-color:${t.colorStrokeFocus2}}
.ktxh-btn-transparent{background-color:${t.colorTransparentBackground};border-color:transparent;color:${t.colorNeutralForeground2}}
.ktxh-btn-transparent:hover{background-color:${t.colorTransparentBackgroundHover};border-color:transparent;color:${t.colorNeutralForeground2BrandHover}}
.ktxh-btn-transparent:hover:active{background-color:${t.colorTransparentBackgroundPressed};border-color:transparent;color:${t.colorNeutralForeground2BrandPressed}}
.ktxh-btn-small{min-width:64px;padding:3px ${t.spacingHorizontalS};font-size:${t.fontSizeBase200};font-weight:${t.fontWeightRegular};line-height:${t.lineHeightBase200}}
.ktxh-btn:disabled,.ktxh-btn:disabled:hover,.ktxh-btn:disabled:hover:active{background-color:${t.colorNeutralBackgroundDisabled};border-color:${t.colorNeutralStrokeDisabled};color:${t.colorNeutralForegroundDisabled};cursor:not-allowed}
.ktxh-btn-primary:disabled,.ktxh-btn-primary:disabled:hover,.ktxh-btn-primary:disabled:hover:active{border-color:transparent}
.ktxh-btn-transparent:disabled,.ktxh-btn-transparent:disabled:hover,.ktxh-btn-transparent:disabled:hover:active{background-color:${t.colorTransparentBackground};border-color:transparent}
@media (forced-colors:active){
  .ktxh-btn:focus{border-color:ButtonText}
  .ktxh-btn:hover,.ktxh-btn:hover:active{background-color:HighlightText;border-color:Highlight;color:Highlight;forced-color-adjust:none}
  .ktxh-btn-primary{background-color:Highlight;border-color:HighlightText;color:HighlightText;forced-color-adjust:none}
  .ktxh-btn:disabled,.ktxh-btn:disabled:hover{background-color:ButtonFace;border-color:GrayText;color:GrayText}
}
@media screen and (prefers-reduced-motion:reduce){.ktxh-btn{transition-duration:0.01ms}}
.ktxh-select{position:relative;display:flex;flex-wrap:nowrap;align-items:center;box-sizing:border-box;height:32px;width:100%}
.ktxh-select>select{flex-grow:1;box-sizing:border-box;height:100%;max-width:100%;min-width:0;padding:0 calc(${t.spacingHorizontalMNudge} + 20px + ${t.spacingHorizontalXXS} + ${t.spacingHorizontalXXS}) 0 calc(${t.spacingHorizontalMNudge} + ${t.spacingHorizontalXXS});border:${t.strokeWidthThin} solid ${t.colorNeutralStroke1};border-bottom-color:${t.colorNeutralStrokeAccessible};border-radius:${t.borderRadiusMedium};background:${t.colorNeutralBackground1} ${chevron("#616161")} no-repeat right ${t.spacingHorizontalMNudge} center;color:${t.colorNeutralForeground1};font-family:${t.fontFamilyBase};font-size:${t.fontSizeBase300};line-height:${t.lineHeightBase300};appearance:none;-webkit-appearance:none;cursor:pointer;box-shadow:none;outline-style:none}
.ktxh-select>select:hover{border-color:${t.colorNeutralStroke1Hover};border-bottom-color:${t.colorNeutralStrokeAccessibleHover}}
.ktxh-select>select:active{border-color:${t.colorNeutralStroke1Pressed};border-bottom-color:${t.colorNeutralStrokeAccessiblePressed}}
.ktxh-select>select:focus{border-bottom-color:${t.colorCompoundBrandStroke}}
.ktxh-select::after{content:"";position:absolute;left:-1px;right:-1px;bottom:0;height:max(2px,${t.borderRadiusMedium});border-bottom-left-radius:${t.borderRadiusMedium};border-bottom-right-radius:${t.borderRadiusMedium};border-bottom:2px solid ${t.colorCompoundBrandStroke};clip-path:inset(calc(100% - 2px) 0 0 0);transform:scaleX(0);transition-property:transform;transition-duration:${t.durationUltraFast};transition-timing-function:${t.curveAccelerateMid};box-sizing:border-box;pointer-events:none}
.ktxh-select:focus-within::after{transform:scaleX(1);transition-duration:${t.durationNormal};transition-timing-function:${t.curveDecelerateMid}}
.ktxh-select>select:disabled{border-color:${t.colorNeutralStrokeDisabled};background-color:${t.colorTransparentBackground};background-image:${chevron("#bdbdbd")};color:${t.colorNeutralForegroundDisabled};cursor:not-allowed}
@media screen and (prefers-reduced-motion:reduce){.ktxh-select::after{transition-duration:0.01ms}}
`;
