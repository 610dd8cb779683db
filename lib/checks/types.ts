/** One finding about a year's content, as `GET /api/v1/years/{year}/checks` answers it (docs/API.md, "Checks"). */
type CheckKind = "rule" | "range" | "outlier" | "missing" | "text" | "comment";
export type CheckSeverity = "error" | "warning";
export type Check = {
  kind: CheckKind;
  severity: CheckSeverity;
  message: string;
  metricKey?: string;
  blockId?: number;
  quoteId?: number;
  ruleKey?: string;
};
