// The Helm layer (template emission, escaping, values factoring, schema) is internal: its public
// face is PolicySet/PolicyRepo in src/repo.
export {};
