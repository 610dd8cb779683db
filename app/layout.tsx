import type { Metadata } from "next";
import { HydrationMark } from "@/components/shell/hydration-mark";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Report Desk", template: "%s · Report Desk" },
  description: "Figures and quotes of the annual report on peace and security",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <HydrationMark />
      </body>
    </html>
  );
}
