"use client";

/**
 * Tremor's package entry pulls in React contexts, which a server component may not import.
 * Server components take Tremor's pieces from here instead: each becomes a client reference
 * that renders on the server and hydrates in the browser.
 */
export { BadgeDelta, Card, Metric, ProgressBar, SparkAreaChart, Text } from "@tremor/react";
