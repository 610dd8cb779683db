/** The chapter Report Desk writes, as its documents are titled. */
export const CHAPTER_TITLE = "Fostering peace and security";
