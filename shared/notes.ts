// An entry's notes: free text, kept exactly as written (emoji, right-to-left scripts, new lines).
// The only rule is a length a person can check, counted in characters as people see them rather
// than in UTF-16 units, so an emoji counts once.

/** Harvest documents no limit; this keeps a pasted log from becoming a multi-megabyte request. */
export const MAX_NOTES_CHARACTERS = 10_000;

export function countCharacters(text: string): number {
  let count = 0;
  // Iterating a string walks code points, so a surrogate pair (most emoji) counts once.
  for (const character of text) if (character) count += 1;
  return count;
}

/** Why the notes cannot be saved, or undefined when they can. */
export function notesError(text: string): string | undefined {
  // Cheap test first: fewer UTF-16 units than the limit means fewer characters too.
  if (text.length <= MAX_NOTES_CHARACTERS) return undefined;
  const count = countCharacters(text);
  if (count <= MAX_NOTES_CHARACTERS) return undefined;
  return `Notes can hold at most ${MAX_NOTES_CHARACTERS.toLocaleString('en')} characters; these have ${count.toLocaleString('en')}.`;
}
