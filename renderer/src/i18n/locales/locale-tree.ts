// The shape of a language's strings: nested groups whose leaves are the strings themselves.
export type LocaleTree = { [key: string]: string | LocaleTree };
