import { Body1, Button, Caption1, Subtitle2, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { STRINGS } from "./strings";

export interface AppProps {
  /** The plan kept in the workbook, or null when none has been loaded yet. */
  planName: string | null;
  /** False when the page was opened in a browser rather than from Excel. */
  inExcel: boolean;
  /** Loads a plan into the workbook; the button stays disabled until index.tsx supplies it. */
  onLoadPlan?: () => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  plan: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
});

/** The pane's first screen. It receives everything as props: no Office calls in here. */
export function App({ planName, inExcel, onLoadPlan }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.heading}>{STRINGS.appTitle}</Title3>
        <Caption1 className={styles.muted}>{STRINGS.appSubtitle}</Caption1>
      </header>
      {!inExcel && <Body1 role="note">{STRINGS.outsideOffice}</Body1>}
      <section className={styles.plan} aria-label={STRINGS.planLabel}>
        <Subtitle2 as="h2" className={styles.heading}>{STRINGS.planLabel}</Subtitle2>
        <Body1 data-testid="plan-name">{planName ?? STRINGS.noPlan}</Body1>
      </section>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!onLoadPlan} onClick={onLoadPlan}>
          {STRINGS.loadPlan}
        </Button>
        {!onLoadPlan && <Caption1 className={styles.muted}>{STRINGS.loadPlanHint}</Caption1>}
      </div>
    </main>
  );
}
