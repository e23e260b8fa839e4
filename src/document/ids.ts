/**
 * The rules for ids and texts that the budget loader applies, shared with everything that creates lines or
 * components (a scenario's `add-line`), so that whatever the library builds can be saved and loaded again.
 * @internal
 */

/** An id: letters, digits and `. _ - / :`, starting with a letter or digit. @internal */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._\-/:]*$/u;

/** Longest id, in UTF-16 code units. @internal */
export const MAX_ID_LENGTH = 64;

/** Longest text (title, label, tag value), in UTF-16 code units. @internal */
export const MAX_TEXT_LENGTH = 1000;
