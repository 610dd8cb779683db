export * from "./audit";
export * from "./metrics";
export * from "./quotes";
export * from "./snapshots";
export * from "./users";
export * from "./values";
export * from "./years";
export * from "./text";
