// The shape of a language's strings (nested groups whose leaves are the strings themselves), and how
// a language's area files become its one resource.
export type LocaleTree = { [key: string]: string | LocaleTree };

/** The area files as one resource: a group split over several files (the errors) is joined, key by key. */
export function oneResource(areas: Record<string, LocaleTree>): LocaleTree {
  const merged: LocaleTree = {};
  for (const area of Object.values(areas))
    for (const [key, value] of Object.entries(area)) {
      const before = merged[key];
      merged[key] = typeof before === 'object' && typeof value === 'object' ? { ...before, ...value } : value;
    }
  return merged;
}
