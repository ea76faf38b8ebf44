// The search index, written once after the build: tool and server pages from the records the build wrote (built from
// data already in memory), the few editorial pages with their own HTML; Pagefind's Node API, no second pass over 35,000 pages.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_RECORDS_FILE } from './search-records.ts';
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

/** Indexes the built site in outDir and writes outDir/pagefind/; returns counts for the build log. */
export async function writeSearchIndex(outDir: string): Promise<{ records: number; html: number }> {
  const recordsPath = join(outDir, SEARCH_RECORDS_FILE);
  const lines = (await readFile(recordsPath, 'utf8')).split('\n').filter((l) => l !== '');
  await rm(recordsPath, { force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  check('start', errors);
  if (!index) throw new Error('Pagefind returned no index; check that the pagefind package installed its binary (npm ci).');
  try {
    for (let i = 0; i < lines.length; i += BATCH) {
      const results = await Promise.all(lines.slice(i, i + BATCH).map((line) => index.addCustomRecord(JSON.parse(line) as SearchRecord)));
      for (const r of results) check('index a record', r.errors);
    }
    let html = 0;
    for (const folder of HTML_INDEXED) {
      const files = await htmlFiles(join(outDir, folder)).catch(() => [] as string[]);
      for (const file of files) {
        const r = await index.addHTMLFile({ url: `/${relative(outDir, file).split(sep).join('/').replace(/index\.html$/, '')}`, content: await readFile(file, 'utf8') });
        check(`index ${file}`, r.errors);
        html += 1;
      }
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    check('write the index', written.errors);
    return { records: lines.length, html };
  } finally {
    await pagefind.close();
  }
}
