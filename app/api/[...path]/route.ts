import { unknownApiPath } from "@/server/api/route";

/** Unknown API paths answer the contract's JSON error, not an HTML page. */
export { unknownApiPath as GET, unknownApiPath as POST, unknownApiPath as PUT, unknownApiPath as PATCH, unknownApiPath as DELETE };
