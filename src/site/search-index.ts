// The search index, built once per build: the tool and server records (from data already in memory) go to Pagefind's
// Node API while the pages render, so its own process indexes them on the other core. A big catalogue's index is split
// into bundles (search-records.ts says why): all but the first are written while the pages render; after the build the
// few editorial pages join the first from their HTML and it is written. No second pass over 40,000 pages.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';

/** Records in flight to the Pagefind service at once. */
const BATCH = 256;
/** Folders of the built site whose HTML pages are indexed from their HTML (everything else comes from records). */
export const HTML_INDEXED = ['attacks'];

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

function check(what: string, errors: readonly string[]): void {
  if (errors.length > 0)
    throw new Error(
      `Pagefind could not ${what}: ${errors.slice(0, 3).join('; ')}. The search index is incomplete; fix the cause and build again.`,
    );
}

/** An index being built: records are on their way to Pagefind; finish() completes and writes it. */
export interface SearchIndexRun {
  /** Adds the HTML-indexed pages of the built site in outDir, writes the first bundle and stops Pagefind; counts for the log. */
  finish(outDir: string): Promise<{ records: number; html: number }>;
  /** Stops Pagefind without writing anything (the build failed or was cancelled). */
  abort(): Promise<void>;
}

/**
 * Starts Pagefind with one index per bundle (`bundles[n]` is written to `folders[n]`, a site path such as "/pagefind/",
 * under outDir) and starts handing it the records; returns at once, while the records are still being indexed. Every
 * bundle but the first is written as soon as its records are in, while the pages render; the HTML-indexed pages go to
 * the first bundle, written by finish().
 */
export async function startSearchIndex(
  bundles: ReadonlyArray<readonly SearchRecord[]>,
  folders: readonly string[],
  outDir: string,
): Promise<SearchIndexRun> {
  if (bundles.length === 0 || bundles.length !== folders.length)
    throw new Error(
      `The search index needs one folder per bundle (got ${bundles.length} bundles and ${folders.length} folders); this is a bug in search-records.ts.`,
    );
  const create = async (): Promise<pagefind.PagefindIndex> => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    check('start', errors);
    if (!index)
      throw new Error('Pagefind returned no index; check that the pagefind package installed its binary (npm ci).');
    return index;
  };
  const index = await create();
  const records = bundles.reduce((n, b) => n + b.length, 0);
  const folderOf = (n: number) => join(outDir, ...folders[n]!.split('/').filter(Boolean));
  // The other bundles one at a time, each written and dropped from Pagefind's memory before the next; the first last,
  // kept open for the HTML pages.
  const added = (async () => {
    for (let n = bundles.length - 1; n >= 0; n -= 1) {
      const target = n === 0 ? index : await create();
      const bundle = bundles[n]!;
      for (let i = 0; i < bundle.length; i += BATCH) {
        const results = await Promise.all(bundle.slice(i, i + BATCH).map((r) => target.addCustomRecord(r)));
        for (const r of results) check('index a record', r.errors);
      }
      if (n > 0) {
        const written = await target.writeFiles({ outputPath: folderOf(n) });
        check('write the index', written.errors);
        await target.deleteIndex();
      }
    }
  })();
  // Not awaited here: finish() rethrows a failure; until then an unobserved rejection must not end the process.
  added.catch(() => undefined);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await pagefind.close();
  };
  return {
    async finish(builtDir) {
      try {
        if (resolve(builtDir) !== resolve(outDir))
          throw new Error(
            `The search index was started for ${outDir} but the build wrote ${builtDir}; this is a bug in astro.config.mjs.`,
          );
        await added;
        let html = 0;
        for (const folder of HTML_INDEXED) {
          const files = await htmlFiles(join(outDir, folder)).catch(() => [] as string[]);
          for (const file of files) {
            const r = await index.addHTMLFile({
              url: `/${relative(outDir, file)
                .split(sep)
                .join('/')
                .replace(/index\.html$/, '')}`,
              content: await readFile(file, 'utf8'),
            });
            check(`index ${file}`, r.errors);
            html += 1;
          }
        }
        const written = await index.writeFiles({ outputPath: folderOf(0) });
        check('write the index', written.errors);
        return { records, html };
      } finally {
        await close();
      }
    },
    abort: close,
  };
}
