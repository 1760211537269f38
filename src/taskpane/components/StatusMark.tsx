import type { ReactNode } from "react";
import type { StatusCode } from "../../contract/operations";

/**
 * A status colour chip: a count (filled circle) or a row's status word (tinted tag), in the colours
 * of Fluent's Badge (styles.ts); the words beside or inside it carry the meaning.
 */
export function StatusMark({ status, kind, children }: { status: StatusCode; kind: "count" | "tag"; children: ReactNode }) {
  return <span className={`ktxh-mark ktxh-mark-${kind} ktxh-${status}`}>{children}</span>;
}
