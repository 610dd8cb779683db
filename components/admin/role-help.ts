import type { Role } from "@/lib/domain";

/** One line per role, as docs/API.md defines them, for the forms that choose one. */
export const ROLE_HELP: Record<Role, string> = {
  admin: "everything, including people, metric definitions and unlocking years",
  editor: "enters and revises values and quotes of open years, imports",
  reviewer: "reads everything, locks years, reads the audit log",
  viewer: "reads, compares and exports",
};
