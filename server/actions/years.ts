"use server";

import { copyQuotes, createQuote, deleteQuote, updateQuote } from "@/db/commands/quotes";
import { saveValue, saveValues } from "@/db/commands/values";
import { lockYear, openYear, unlockYear } from "@/db/commands/years";
import { listValueHistory } from "@/db/queries/history";
import { listQuoteHistory } from "@/db/queries/quote-history";
import { guardedAction } from "@/server/actions/safe-action";
import { notFound } from "@/lib/errors";
import { HISTORY_PAGE_SIZE, historyPage } from "@/lib/history/page";
import { openYearSchema } from "@/lib/validation/year";
import {
  copyQuotesAction,
  createQuoteAction,
  deleteQuoteAction,
  lockYearAction,
  quoteHistoryAction,
  saveValueAction,
  saveValuesAction,
  unlockYearAction,
  updateQuoteAction,
  valueHistoryAction,
} from "@/lib/validation/year-page";

// The same commands as the JSON API, behind the same guard: only the transport differs.

export const saveValueFromPage = guardedAction("values:write", saveValueAction, async (input, { db, actor, ip }) =>
  saveValue(db, input.year, input.metricKey, input.fields, actor, { ip }),
);

// All or nothing; a refusal's `rows` says which rows of the grid to mark, and why.
export const saveValuesFromPage = guardedAction("values:write", saveValuesAction, async (input, { db, actor, ip }) =>
  saveValues(db, input.year, input.values, actor, { ip }),
);

export const loadValueHistory = guardedAction("read", valueHistoryAction, async (input, { db }) => {
  const page = await listValueHistory(db, input.year, input.metricKey, { before: input.before, limit: HISTORY_PAGE_SIZE + 1 });
  return historyPage(page?.revisions ?? [], HISTORY_PAGE_SIZE);
});

export const openYearFromPage = guardedAction("years:open", openYearSchema, async (input, { db, actor, ip }) =>
  openYear(db, input.year, actor, ip, { copyFrom: input.copyFrom, quoteIds: input.quoteIds }),
);

export const lockYearFromPage = guardedAction("years:lock", lockYearAction, async (input, { db, actor, ip }) => {
  const locked = await lockYear(db, input.year, actor, ip, { overrideReason: input.overrideReason });
  return { year: locked.year, status: locked.status };
});

export const unlockYearFromPage = guardedAction("years:unlock", unlockYearAction, async (input, { db, actor, ip }) =>
  unlockYear(db, input.year, input.reason, actor, ip),
);

export const createQuoteFromPage = guardedAction("values:write", createQuoteAction, async (input, { db, actor }) =>
  createQuote(db, input.year, input.quote, actor),
);

export const updateQuoteFromPage = guardedAction("values:write", updateQuoteAction, async (input, { db, actor }) =>
  updateQuote(db, input.id, input.quote, actor),
);

export const deleteQuoteFromPage = guardedAction("values:write", deleteQuoteAction, async (input, { db, actor }) =>
  deleteQuote(db, input.id, input.quote, actor),
);

export const loadQuoteHistory = guardedAction("read", quoteHistoryAction, async (input, { db }) => {
  const history = await listQuoteHistory(db, input.id);
  if (!history) throw notFound(`Quote ${input.id}`);
  return history.revisions;
});

export const copyQuotesFromPage = guardedAction("values:write", copyQuotesAction, async (input, { db, actor }) =>
  copyQuotes(db, input.year, input.ids, actor),
);
