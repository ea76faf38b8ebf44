// Change history: one line per rescan that changed a server, appended to content/history/<id>.jsonl by the scanner.
import { z } from 'zod';

/** The fields of a tool whose text a change record keeps (schemas as pretty JSON). */
export const HISTORY_FIELDS = ['title', 'description', 'inputSchema', 'outputSchema', 'annotations'] as const;
export const HistoryFieldSchema = z.enum(HISTORY_FIELDS);

/** One field of one tool, before and after ('' when absent). */
export const FieldChangeSchema = z.object({
  /** Which field changed. */
  field: HistoryFieldSchema,
  /** Its text before (schemas as two-space JSON), '' when absent. */
  old: z.string(),
  /** Its text after, '' when absent. */
  new: z.string(),
});

/** A tool that appeared or disappeared. */
export const ToolEntrySchema = z.object({
  /** Tool name as sent (untrusted). */
  name: z.string(),
  /** The tool's content hash. */
  hash: z.string(),
});

/** A tool whose definition changed. */
export const ToolChangeSchema = z.object({
  /** Tool name as sent (untrusted). */
  name: z.string(),
  /** Hash before the change. */
  oldHash: z.string(),
  /** Hash after the change. */
  newHash: z.string(),
  /** The fields that differ, in HISTORY_FIELDS order. */
  fields: z.array(FieldChangeSchema),
});

/** One line of content/history/<id>.jsonl: what a rescan found changed. */
export const HistoryRecordSchema = z.object({
  /** Record format version. */
  schemaVersion: z.literal(1),
  /** The server id. */
  server: z.string(),
  /** When the changed snapshot was scanned (its scannedAt). */
  date: z.string(),
  /** Package version (or the version the server reports) after the change. */
  version: z.string(),
  /** The version before, when it differs. */
  previousVersion: z.string().optional(),
  /** Tools that appeared, by name. */
  added: z.array(ToolEntrySchema),
  /** Tools that disappeared, by name. */
  removed: z.array(ToolEntrySchema),
  /** Tools whose definition changed, by name. */
  changed: z.array(ToolChangeSchema),
});
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;
export type FieldChange = z.infer<typeof FieldChangeSchema>;
