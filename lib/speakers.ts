/** The same person however the name was spaced or capitalised: quotes are matched and recurring speakers found by it. */
export const speakerKey = (speaker: string) => speaker.trim().replace(/\s+/g, " ").toLowerCase();
