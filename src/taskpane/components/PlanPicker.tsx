import { useEffect, useId, useRef, useState } from "react";
import type { Plan } from "../../core/plan";
import { planTemplateCsv } from "../../core/plan-template";
import type { BuiltInPlanName } from "../../seed-names";
import { STRINGS } from "../strings";
import { Btn, NativeSelect } from "./Controls";
import { Notice } from "./Notice";

const FILE_VALUE = "__file__";
export const TEMPLATE_NAME = "mau-ke-hoach.csv";
/** A long list of schema problems is cut: the first few say what to fix, the rest only how many. */
const SHOWN_PROBLEMS = 8;

/**
 * "Tải mẫu kế hoạch": the core's template (the same file `ktxh plan --template` writes), saved by the
 * browser as a download. No Office call: the webview saves it where downloads go.
 */
function downloadTemplate(): void {
  const url = URL.createObjectURL(new Blob([planTemplateCsv()], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = TEMPLATE_NAME;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function planLabel(plan: Pick<Plan, "unit" | "year">): string {
  return `${plan.unit} – năm ${plan.year}`;
}

/**
 * The built-in plans as the pane has them: their names at once, each plan fetched when it is loaded
 * (src/taskpane/index.tsx: a chunk of their own, checked against the schema), so the pane does not
 * hold them at rest.
 */
export interface BuiltInPlans {
  names: readonly BuiltInPlanName[];
  get(id: string): Promise<Plan>;
}

export interface PlanPickerProps {
  plans: BuiltInPlans;
  /** The plan the workbook holds: offered first when it is a built-in one. */
  current: string | null;
  disabled: boolean;
  /** A built-in plan comes as a promise: the load shows its spinner while the plan is fetched. */
  onLoad: (plan: Plan | Promise<Plan>) => void;
}

/** Built-in plans, or one the user picks from disk; the load button loads whichever is selected. */
export function PlanPicker({ plans, current, disabled, onLoad }: PlanPickerProps) {
  const selectId = useId();
  const input = useRef<HTMLInputElement>(null);
  const builtIn = plans.names;
  const [choice, setChoice] = useState(() => builtIn[0]?.id ?? "");
  const [filePlan, setFilePlan] = useState<{ name: string; plan: Plan } | null>(null);
  const [problems, setProblems] = useState<{ name: string; lines: string[]; fatal: boolean } | null>(null);
  const [reading, setReading] = useState(false);

  useEffect(() => {
    if (current && builtIn.some((p) => p.id === current)) setChoice((c) => (c === FILE_VALUE ? c : current));
  }, [current, builtIn]);

  const selected = choice === FILE_VALUE ? filePlan?.plan : builtIn.find((p) => p.id === choice);
  const load = () => {
    if (choice === FILE_VALUE) {
      if (filePlan) onLoad(filePlan.plan);
    } else if (selected) {
      onLoad(plans.get(selected.id));
    }
  };

  // A refused file clears the choice: "Nạp kế hoạch" then loads nothing until the officer picks again,
  // so another plan is never loaded by accident under the file's error.
  const refuse = (p: { name: string; lines: string[]; fatal: boolean }) => {
    setProblems(p);
    setFilePlan(null);
    setChoice("");
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    setProblems(null);
    // The plan schema and the CSV reader are fetched only when a file is picked.
    Promise.all([file.arrayBuffer(), import(/* webpackChunkName: "plan-file" */ "../plan-file")])
      .then(([buf, { readPlanFile }]) => {
        const r = readPlanFile(file.name, new Uint8Array(buf));
        if (r.ok) {
          setFilePlan({ name: file.name, plan: r.plan });
          setChoice(FILE_VALUE);
          if (r.warnings.length) setProblems({ name: file.name, lines: r.warnings, fatal: false });
        } else {
          refuse({ name: file.name, lines: r.problems, fatal: true });
        }
      })
      .catch(() => refuse({ name: file.name, lines: [STRINGS.fileUnreadable], fatal: true }))
      .finally(() => {
        setReading(false);
        // The same file may be picked again after the user fixes it.
        if (input.current) input.current.value = "";
      });
  };

  return (
    <div className="ktxh-section">
      <div className="ktxh-field">
        <label className="ktxh-label" htmlFor={selectId}>{STRINGS.planPicker}</label>
        <NativeSelect id={selectId} value={choice} onValue={setChoice} disabled={disabled} data-testid="plan-select">
          {choice === "" && <option value="" disabled>{STRINGS.planNone}</option>}
          {builtIn.map((p) => (
            <option key={p.id} value={p.id}>
              {planLabel(p)}
            </option>
          ))}
          {filePlan && <option value={FILE_VALUE}>{STRINGS.planFromFile(filePlan.name)}</option>}
        </NativeSelect>
      </div>
      <div className="ktxh-row">
        <Btn appearance="primary" disabled={disabled || !selected} onClick={load}>
          {STRINGS.loadPlan}
        </Btn>
        <Btn disabled={disabled || reading} onClick={() => input.current?.click()}>
          {reading ? STRINGS.readingFile : STRINGS.pickFile}
        </Btn>
      </div>
      {/* The template beside the hint on the file's form: one line, not a row of its own. */}
      <span className="ktxh-caption1 ktxh-muted">
        {STRINGS.pickFileHint}{" "}
        <Btn appearance="transparent" size="small" className="ktxh-inline" onClick={downloadTemplate} data-testid="plan-template">{STRINGS.planTemplate}</Btn>
      </span>
      <input
        ref={input}
        hidden
        type="file"
        accept=".json,.csv,application/json,text/csv"
        tabIndex={-1}
        aria-hidden
        data-testid="plan-file"
        onChange={(e) => onFile(e.currentTarget.files?.[0])}
      />
      {problems && (
        <Notice
          intent={problems.fatal ? "error" : "warning"}
          title={(problems.fatal ? STRINGS.fileProblems : STRINGS.fileWarnings)(problems.name)}
          testId="file-problems"
        >
            <ul className="ktxh-bullets">
              {problems.lines.slice(0, SHOWN_PROBLEMS).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
              {problems.lines.length > SHOWN_PROBLEMS && <li>{STRINGS.moreProblems(problems.lines.length - SHOWN_PROBLEMS)}</li>}
            </ul>
        </Notice>
      )}
    </div>
  );
}
