"use client";

import { createContext, useCallback, useContext, useEffect, useRef } from "react";
import { leaveQuestion, type UnsavedKey } from "@/lib/years/leave-question";

type Report = (key: string, dirty: boolean) => void;
const ReportContext = createContext<Report>(() => {});

/**
 * Asks before leaving a page with figures or quotes typed but not saved: a link click within
 * the app gets a confirmation, a reload or a closed tab the browser's own warning. Each row and
 * quote saves on its own, so an editor who types and follows a link would otherwise lose it silently.
 */
export function UnsavedChangesGuard({ children }: { children: React.ReactNode }) {
  const dirty = useRef(new Set<string>());
  const report = useCallback<Report>((key, isDirty) => {
    if (isDirty) dirty.current.add(key);
    else dirty.current.delete(key);
  }, []);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size === 0) return;
      event.preventDefault();
      // Older browsers need returnValue set to show their warning.
      event.returnValue = "";
    };
    // Capture phase on the document: runs before Next's <Link> handler, which would navigate.
    const onClick = (event: MouseEvent) => {
      if (dirty.current.size === 0 || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin || (to.pathname === window.location.pathname && to.search === window.location.search)) return;
      if (!window.confirm(leaveQuestion(dirty.current))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, []);

  return <ReportContext.Provider value={report}>{children}</ReportContext.Provider>;
}

/** Tells the guard whether the form `key` holds unsaved changes. */
export function useUnsavedChanges(key: UnsavedKey, dirty: boolean) {
  const report = useContext(ReportContext);
  useEffect(() => {
    report(key, dirty);
    return () => report(key, false);
  }, [key, dirty, report]);
}
