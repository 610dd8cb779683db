import "server-only";
import { z } from "zod";
import { databaseKind, getOpened } from "@/db/client";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { AppError } from "@/lib/errors";
import { healthBody } from "@/lib/validation/api";
import { defineOperation } from "@/server/operation";

// Built once per process; served per request so that its headers (HSTS over https) fit the request.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** What a load balancer and an API client ask of the server itself; open to anyone. */
export const service = {
  health: defineOperation({
    method: "GET",
    path: "/api/health",
    summary: "Health of the server and its database",
    permission: "public",
    response: healthBody,
    errors: [503],
    opensItsOwnDatabase: true,
    handler: async () => {
      const kind = databaseKind();
      try {
        const opened = await getOpened();
        await opened.ping();
        return { status: "ok" as const, database: kind };
      } catch (error) {
        // Anyone may read this answer: the address and the driver's words go to the server log only.
        console.error("[health] database not reachable:", error);
        throw new AppError("unavailable", `The ${kind} database cannot be reached`, undefined, { status: "unavailable", database: kind });
      }
    },
  }),

  openApi: defineOperation({
    method: "GET",
    path: "/api/v1/openapi.json",
    summary: "This document: every operation of the API, generated from the definitions the routes are served from",
    permission: "public",
    response: z.object({ openapi: z.literal("3.0.3"), info: z.object({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
    handler: async () => {
      // The list includes this operation, so it is read when first asked for, not when this module loads.
      const { operations } = await import("@/server/operations");
      return (document ??= buildOpenApiDocument(operations));
    },
  }),
};
