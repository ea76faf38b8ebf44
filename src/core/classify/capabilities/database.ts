// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_DATABASE: the tool reads or changes a database (SQL, tables, collections, records, migrations).
import { capabilityRule } from '../capability-rule.ts';

export const capDatabase = capabilityRule({
  code: 'CAP_DATABASE',
  capability: 'database',
  summary: 'Databases: SQL, tables, collections, records, migrations, key-value stores (Postgres, MySQL, Redis, Mongo, vector indexes).',
  nameWords: new Set(['database', 'databases', 'db', 'sql', 'mysql', 'postgres', 'postgresql', 'mongo', 'mongodb', 'redis', 'sqlite', 'cosmos', 'kusto', 'migration', 'migrations', 'table', 'tables', 'collection', 'collections', 'records', 'record', 'kv', 'elasticsearch', 'index', 'indexes', 'indices', 'ledger', 'dynamodb', 'bigquery', 'supabase']),
  // "upsert" (create or update) is no database word: "crm_upsert_contact", "upsert_budget", "wiki_upsert_page" upsert a
  // service's records; a database's upsert names its store ("mcp_upsert_document: … in a CosmosDB container").
  paramWords: new Set(['sql', 'database', 'table', 'collection', 'db']),
  // Not a database the description says the call keeps clear of ("Read-only, does not require database connectivity",
  // "Test a pipeline with sample data without writing to the database", "⚠️ Not for: × Database logs"), nor a public
  // reference the call only looks things up in ("Checks packages for known CVEs using the OSV vulnerability database",
  // "personal information is visible in public WHOIS database", "Search MyFitnessPal's food database"). "Use this for
  // basic queries without complex SQL syntax" and "never enables semantic search database-wide" still count: the call
  // works on a database all the same.
  // A CosmosDB container counts, not one the call is kept from ("Do not use for Azure Cosmos DB containers").
  description: /(?<!\b(?:not|no|without|never)\s(?:[\w-]+\s){0,3})(?<!×\s?)(?<!\b(?:vulnerability|whois|food)\s)\bdatabase\b(?!-)|\bdatabase-wide\b|\b(?:sql|postgres(?:ql)?|mysql|sqlite|mongodb|redis)\b|(?<!\b(?:not|no|without|never)\s(?:[\w-]+\s){0,3})\bcosmos ?db\b/,
  // "routing_table", "arp_table", "create_pivot_table", "get_cap_table": a router's routes, a pivot over a sheet, a
  // company's ownership; none is a database's table.
  // "docr-garbage-collection-start": a registry's garbage collection frees storage; it is no database's collection.
  notAfter: new Set(['of', 'knowledge', 'search', 'routing', 'route', 'arp', 'pivot', 'cap', 'garbage']),
  notBefore: new Set(['of', 'contents']),
  // "record_decision", "record_rule_outcome", "recordOrderPayment": a name that opens with "record" records something.
  verbFirst: new Set(['record']),
  // The tables of a Word or Hangul document, a slide, a PDF or a web page hold text, not a database's rows; a radio
  // logbook's record (ADIF, a QSO) and a DVR's recording engine are no database's.
  elsewhere: [
    // So do a spreadsheet's, a drawing's or a whiteboard's tables ("Create a table on a FigJam board", "Set text alignment for
    // all cells in a table").
    { words: new Set(['table', 'tables']), where: /\b(?:docx|hwpx?|word documents?|slides?|presentations?|pdfs?|html|web ?pages?|excel|spreadsheets?|workbooks?|worksheets?|figjam|autocad|dxf|cells? (?:in|of) (?:a|the) table|table cells?|merged? cells)\b/ },
    // A DNS record ("deleteDnsRecord: Deletes a DNS record") is a zone's entry, which infrastructure covers.
    // So is a domain's, a PTR or a DNSSEC record ("domain-record-create: Create a new domain record", "Publish a DNSSEC DS
    // record at the registrar").
    { words: new Set(['record', 'records']), where: /\b(?:adif|qsos?|logbook|dvr|tuners?|recordings?|record engine|storage engine|dns records?|domain records?|ptr|dnssec|reverse dns)\b/ },
    // Nor is an archive's or a library's catalogue record, a historical record a genealogist searches or a parish
    // register ("get_record: Read one Catalog record in full, by NAID", "search_records: Search historical records by
    // name, events, relatives", "where_are_records: Which archives now hold the records (parish registers …)"): a
    // finding aid to papers, not a database's row the call reads or changes.
    // So is such an archive's record collection ("search_records(collection_id): Search historical records by name").
    { words: new Set(['record', 'records', 'collection', 'collections']), where: /\b(?:archives|archival|catalog(?:ue)? (?:records?|descriptions?)|bibliographic|historical records?|parish registers?|genealog\w*|census records?|passenger manifests?)\b/ },
    // A collection of notes, bookmarks, papers, videos or photos is a library's grouping, not a database's; nor is a
    // shop's product collection ("Update a specific product collection") or a collection of notebooks; nor an Ansible
    // collection (a package of roles: "Validate collection compatibility with target Ansible version") or a Postman one.
    { words: new Set(['collection', 'collections']), where: /\b(?:notes? (?:app|vault|collections?)|(?:a|the|each|one) notes?\b|bookmarks?|zotero|papers|videos?|photos?|recipes?|product collections?|notebooks?|ansible collections?|postman collections?)\b/ },
    // "amfs_record_span: Record a completed span …": a description that opens by recording something uses the name's
    // "record" as that verb, not a database's row; so does one that opens "Record whether a rule worked", "Record
    // aggregate remediation outcomes", "Record up to 200 results into an existing run" ("Record by id", "Record not
    // found" stay nouns).
    { words: new Set(['record', 'records']), where: /^records? (?!(?:by|of|for|id|ids|not|details?|is|are|was|were|in|from|to|with|and|or|data|fields?)\b)[a-z]/ },
    // A wealth, price or power index ("Wealth-index time series for the portfolio", "Fetch league team power index (FPI)
    // ratings", "Latest DFM General Index snapshot … Returns the newest index value") is a figure, not a database's index;
    // so is a stock index by its name or its price ("Latest level of an Indian index: nifty50, sensex", "index_daily:
    // 指数日线行情", "• price — index price").
    { words: new Set(['index', 'indexes', 'indices']), where: /\b(?:(?:wealth|price|power|coverage|general|composite|stock|market|volatility|happiness)[- ]ind(?:ex|ices)|index values?|index prices?|nifty\w*|sensex)\b|指数/ },
  ],
});
