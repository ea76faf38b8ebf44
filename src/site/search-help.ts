// What the search page offers when nothing matches: the commands that scan a server the catalogue does not have.

export const SCAN_IT_YOURSELF = {
  /** Audits every MCP server the person's own clients are configured with. */
  audit: 'npx toolgate audit',
  /** The scan command for one npm package; search.js replaces PACKAGE and ID from the query. */
  packageTemplate: 'npm run scan -- --stdio "npx -y PACKAGE" --id ID',
  /** The same with placeholders, shown before any search. */
  packageExample: 'npm run scan -- --stdio "npx -y <package>" --id <id>',
} as const;
