/** The longest question any front end takes (the ask contract: 1..1000 characters after trimming). */
export const TEXT_MAX_CHARS = 1000;
