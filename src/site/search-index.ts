// The search index, built once per build: the tool and server records (from data already in memory) go to Pagefind's
// Node API while the pages render, so its own process indexes them on the other core; after the build the few editorial
// pages are added from their HTML and the index is written. No second pass over 40,000 pages. A big catalogue's index is
// split into bundles (search-records.ts says why); the first is /pagefind/, the search page merges the others.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
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
  if (errors.length > 0) throw new Error(`Pagefind could not ${what}: ${errors.slice(0, 3).join('; ')}. The search index is incomplete; fix the cause and build again.`);
}

/** An index being built: records are on their way to Pagefind; finish() completes and writes it. */
export interface SearchIndexRun {
  /** Adds the HTML-indexed pages of the built site in outDir, writes outDir/pagefind/ and stops Pagefind; counts for the log. */
  finish(outDir: string): Promise<{ records: number; html: number }>;
  /** Stops Pagefind without writing anything (the build failed or was cancelled). */
  abort(): Promise<void>;
}

/**
 * Starts Pagefind with one index per bundle (`bundles[n]` is written to `folders[n]`, a site path such as "/pagefind/")
 * and starts handing it the records; returns at once, while the records are still being indexed. The HTML-indexed pages
 * go to the first bundle.
 */
export async function startSearchIndex(bundles: ReadonlyArray<readonly SearchRecord[]>, folders: readonly string[]): Promise<SearchIndexRun> {
  if (bundles.length === 0 || bundles.length !== folders.length) throw new Error(`The search index needs one folder per bundle (got ${bundles.length} bundles and ${folders.length} folders); this is a bug in search-records.ts.`);
  const indexes: pagefind.PagefindIndex[] = [];
  for (const _ of bundles) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    check('start', errors);
    if (!index) throw new Error('Pagefind returned no index; check that the pagefind package installed its binary (npm ci).');
    indexes.push(index);
  }
  const index = indexes[0]!;
  const records = bundles.reduce((n, b) => n + b.length, 0);
  const added = (async () => {
    for (const [n, bundle] of bundles.entries()) {
      for (let i = 0; i < bundle.length; i += BATCH) {
        const results = await Promise.all(bundle.slice(i, i + BATCH).map((r) => indexes[n]!.addCustomRecord(r)));
        for (const r of results) check('index a record', r.errors);
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
    async finish(outDir) {
      try {
        await added;
        let html = 0;
        for (const folder of HTML_INDEXED) {
          const files = await htmlFiles(join(outDir, folder)).catch(() => [] as string[]);
          for (const file of files) {
            const r = await index.addHTMLFile({ url: `/${relative(outDir, file).split(sep).join('/').replace(/index\.html$/, '')}`, content: await readFile(file, 'utf8') });
            check(`index ${file}`, r.errors);
            html += 1;
          }
        }
        for (const [n, folder] of folders.entries()) {
          const written = await indexes[n]!.writeFiles({ outputPath: join(outDir, ...folder.split('/').filter(Boolean)) });
          check('write the index', written.errors);
        }
        return { records, html };
      } finally {
        await close();
      }
    },
    abort: close,
  };
}
