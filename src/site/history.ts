// Change history for pages and feeds: per-server and per-tool changes with readable diffs, the catalogue's recent
// changes, and the Atom and JSON Feed documents (indexed once per build).
import type { HistoryRecord } from '../core/schemas/history.ts';
import { diffText } from '../core/text-diff.ts';
import type { DiffPart } from '../core/text-diff.ts';
import type { Catalog } from './catalog.ts';
import { routes } from './routes.ts';
import { escapeMarkup, oneLine } from './text.ts';

/** Entries on /changes/ and in each feed. */
export const FEED_LIMIT = 100;

export interface ToolChangeView {
  date: string;
  version: string;
  previousVersion?: string;
  kind: 'added' | 'changed';
  oldHash?: string;
  newHash: string;
  fields: Array<{ field: string; parts: DiffPart[] }>;
}

export interface ChangeEntry {
  /** Stable id for feeds. */
  id: string;
  record: HistoryRecord;
  serverName: string;
  /** The server page anchor of this change. */
  href: string;
  title: string;
  /** One line per added, removed and changed tool. */
  lines: Array<{ text: string; href?: string }>;
}

export interface HistoryIndex {
  /** Newest first. */
  recent: ChangeEntry[];
  byServer: Map<string, ChangeEntry[]>;
  /** "<server>\u0000<tool name>" → changes touching that tool, newest first. */
  byTool: Map<string, ToolChangeView[]>;
}

function compareEntries(a: ChangeEntry, b: ChangeEntry): number {
  return a.record.date < b.record.date
    ? 1
    : a.record.date > b.record.date
      ? -1
      : a.record.server < b.record.server
        ? -1
        : a.record.server > b.record.server
          ? 1
          : 0;
}

/** Anchor of one change on its server page. */
export function changeAnchor(r: HistoryRecord): string {
  return `change-${r.date.replace(/[^0-9]/g, '').slice(0, 14)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Indexes every record against the catalogue (records of servers no longer listed still show in the feeds). */
export function historyIndex(records: readonly HistoryRecord[], catalog: Catalog): HistoryIndex {
  const byServer = new Map<string, ChangeEntry[]>();
  const byTool = new Map<string, ToolChangeView[]>();
  const recent: ChangeEntry[] = [];
  for (const r of records) {
    const server = catalog.serverById.get(r.server);
    const toolHref = (name: string) => server?.tools.find((t) => t.name === name)?.href;
    const serverHref = server ? `${server.href}#${changeAnchor(r)}` : routes.changes();
    const counts = [
      r.changed.length > 0 ? `${plural(r.changed.length, 'tool')} changed` : '',
      r.added.length > 0 ? `${r.added.length} added` : '',
      r.removed.length > 0 ? `${r.removed.length} removed` : '',
    ].filter(Boolean);
    const version = r.previousVersion ? `${r.previousVersion} → ${r.version}` : r.version;
    const name = server?.name ?? r.server;
    const entry: ChangeEntry = {
      id: `${r.server}/${r.date}`,
      record: r,
      serverName: name,
      href: serverHref,
      title: oneLine(`${name}: ${counts.length > 0 ? counts.join(', ') : 'new version'} (${version})`, 200),
      lines: [
        ...r.changed.map((c) => ({
          text: `changed ${oneLine(c.name, 100)}: ${c.fields.map((f) => f.field).join(', ') || 'hash only'}`,
          ...withHref(toolHref(c.name)),
        })),
        ...r.added.map((a) => ({ text: `added ${oneLine(a.name, 100)}`, ...withHref(toolHref(a.name)) })),
        ...r.removed.map((a) => ({ text: `removed ${oneLine(a.name, 100)}` })),
      ],
    };
    recent.push(entry);
    const list = byServer.get(r.server) ?? [];
    list.push(entry);
    byServer.set(r.server, list);
    const push = (toolName: string, view: ToolChangeView) => {
      const key = `${r.server}\u0000${toolName}`;
      const views = byTool.get(key) ?? [];
      views.push(view);
      byTool.set(key, views);
    };
    const versions = {
      date: r.date,
      version: r.version,
      ...(r.previousVersion ? { previousVersion: r.previousVersion } : {}),
    };
    for (const c of r.changed)
      push(c.name, {
        ...versions,
        kind: 'changed',
        oldHash: c.oldHash,
        newHash: c.newHash,
        fields: c.fields.map((f) => ({ field: f.field, parts: diffText(f.old, f.new) })),
      });
    for (const a of r.added) push(a.name, { ...versions, kind: 'added', newHash: a.hash, fields: [] });
  }
  recent.sort(compareEntries);
  for (const list of byServer.values()) list.sort(compareEntries);
  for (const list of byTool.values()) list.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { recent, byServer, byTool };
}

function withHref(href: string | undefined): { href?: string } {
  return href ? { href } : {};
}

// XML 1.0 cannot carry most control characters even escaped; server text may hold any.
function xmlText(text: string): string {
  return escapeMarkup(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD'));
}

function entryText(e: ChangeEntry): string {
  return e.lines.map((l) => l.text).join('\n');
}

/** The Atom feed of the newest changes. */
export function atomFeed(entries: readonly ChangeEntry[], site: URL, siteName: string): string {
  const shown = entries.slice(0, FEED_LIMIT);
  const updated = shown[0]?.record.date ?? '1970-01-01T00:00:00.000Z';
  const abs = (p: string) => new URL(p, site).href;
  const body = shown
    .map(
      (e) => `  <entry>
    <id>${escapeMarkup(abs(e.href))}</id>
    <title>${xmlText(e.title)}</title>
    <updated>${escapeMarkup(e.record.date)}</updated>
    <link rel="alternate" href="${escapeMarkup(abs(e.href))}"/>
    <content type="text">${xmlText(entryText(e))}</content>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeMarkup(abs(routes.changes()))}</id>
  <title>${escapeMarkup(siteName)}: changes to MCP tools</title>
  <updated>${escapeMarkup(updated)}</updated>
  <author><name>${escapeMarkup(siteName)}</name></author>
  <link rel="self" href="${escapeMarkup(abs(routes.changesAtom()))}"/>
  <link rel="alternate" href="${escapeMarkup(abs(routes.changes()))}"/>
${body}
</feed>
`;
}

/** The JSON Feed 1.1 document of the newest changes. */
export function jsonFeed(entries: readonly ChangeEntry[], site: URL, siteName: string): string {
  const abs = (p: string) => new URL(p, site).href;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${siteName}: changes to MCP tools`,
    home_page_url: abs(routes.changes()),
    feed_url: abs(routes.changesJson()),
    items: entries.slice(0, FEED_LIMIT).map((e) => ({
      id: abs(e.href),
      url: abs(e.href),
      title: e.title,
      content_text: entryText(e),
      date_published: e.record.date,
      tags: [e.record.server],
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
