"use client";

import { Dialog, DialogPanel, DialogTitle, Description } from "@headlessui/react";

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  /** "drawer" slides in from the right (history); "dialog" is centred (confirmations). */
  variant?: "dialog" | "drawer";
};

/**
 * Accessible modal: Headless UI's Dialog traps focus, closes on Escape and on a click outside,
 * labels itself with its title, and returns focus to the button that opened it.
 */
export function Modal({ open, onClose, title, description, children, variant = "dialog" }: Props) {
  // A closed dialog is not drawn at all: a year page has two per figure and more per quote, and
  // each closed Headless UI dialog still costs its render on the server and its hydration.
  // Unmounting is how a closed dialog ends anyway (it has no leave transition); focus returns
  // to the opener as it did.
  if (!open) return null;
  return (
    // The dialog element itself covers the screen, so it is "visible" to people and to tests alike.
    <Dialog open={open} onClose={onClose} className="fixed inset-0 z-50">
      <div className="fixed inset-0 bg-gray-900/40" aria-hidden="true" />
      <div className={`fixed inset-0 flex ${variant === "drawer" ? "justify-end" : "items-center justify-center p-4"}`}>
        <DialogPanel
          className={
            variant === "drawer"
              ? "flex h-full w-full max-w-xl flex-col overflow-y-auto bg-white p-5 shadow-xl"
              : "max-h-[90vh] w-full max-w-lg overflow-y-auto rounded-lg bg-white p-5 shadow-xl"
          }
        >
          <DialogTitle className="text-lg font-semibold">{title}</DialogTitle>
          {description ? <Description className="mt-1 text-sm text-gray-700">{description}</Description> : null}
          <div className="mt-4">{children}</div>
        </DialogPanel>
      </div>
    </Dialog>
  );
}
