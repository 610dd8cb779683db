import { setTie } from "@/db/commands/number-ties";
import { apiRoute } from "@/server/api/route";
import { setTieSchema } from "@/lib/validation/block";
import { idParams } from "@/lib/validation/params";

/** An author's decision on one written number: `{"metricKey"}` ties it, `{"metricKey": null}` unties it, `{"notFigure": true}` sets it aside. */
export const PUT = apiRoute({ permission: "values:write", params: idParams, body: setTieSchema }, async ({ db, params, body, actor }) => {
  const tie = await setTie(db, params.id, body, actor);
  return { id: tie.id, metricKey: body.notFigure ? null : body.metricKey, notFigure: tie.notFigure, byHand: tie.byHand };
});
