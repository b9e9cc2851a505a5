import { builder } from "./builder.ts";

/** What every delete mutation returns: the id that no longer exists. */
export const DeletedPayload = builder.objectRef<{ deletedId: string }>("DeletedPayload").implement({
  description: "The result of a delete: the id that no longer exists (evict it from client caches)",
  fields: (t) => ({ deletedId: t.exposeID("deletedId", { description: "The id of the deleted object" }) }),
});
