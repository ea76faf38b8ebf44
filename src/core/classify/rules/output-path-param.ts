// OUTPUT_PATH_PARAM: a parameter naming where to save output (outputPath, savePath, filePath "to save to") means the
// call writes files.
import type { Signals } from '../signals.ts';
import type { Rule } from '../types.ts';
import { openingVerbs } from './description-lead-verb.ts';
import { nameVerb } from './name-verb.ts';

const OUTPUT_WORDS: ReadonlySet<string> = new Set(['output', 'save', 'destination', 'dest', 'out', 'target', 'export']);
const PATH_WORDS: ReadonlySet<string> = new Set([
  'path',
  'paths',
  'dir',
  'directory',
  'file',
  'filename',
  'folder',
  'location',
]);

/**
 * Head words of a parameter that names an attribute of a file, not where one goes ("file_hash", "output_file_id"); an
 * output mode or type may choose a file, so it still counts.
 */
// biome-ignore format: a word list reads best packed
const ATTRIBUTE_WORDS: ReadonlySet<string> = new Set([
  'hash', 'sha', 'md5', 'checksum', 'id', 'ids', 'size', 'count', 'extension', 'ext', 'encoding', 'pattern', 'limit',
]);

/** A parameter description that speaks of saving or writing there. */
function saveDescOf(description: string): boolean {
  return /\b(?:sav(?:e|ed|es|ing)|writ(?:e|es|ten)|stored?|exported)\b|\boutput (?:file|path|dir)/.test(description);
}

/**
 * The result is handed back unless a path is given: "otherwise the response embeds base64 content", "omit to get up to
 * 4096 bytes back as hex", "File path to save the screenshot to instead of returning as base64", "The image is written
 * there and omitted from the reply", "Returns base64 image data …. No files created unless outputPath is specified",
 * "save_path: optionally also write the PNG to a file", "save_path: optional file path — also write the PNG there"; a
 * file kept only when the answer is too big to hand back ("Use `saveToTmp` if the response is too large", "Whether to
 * save the script source to a temporary file if it is large").
 */
const INLINE_UNLESS_PATH =
  /\bif (?:the (?:response|output|result) is|it is) (?:too )?large\b|\botherwise\b[^.]{0,60}\b(?:returns?|returned|embeds?|inline)\b|\binstead of (?:returning|being returned|inlining)\b|\bomit(?:ted)? to (?:get|return|receive)\b|\bomitted from the reply\b|\bno files? (?:is |are )?(?:created|written|saved) unless\b|\boptional(?:ly)?\b[^.;]{0,30}\balso (?:write|save)s?\b/;

/**
 * The path's own description says what comes back without it: "destinationPath: Relative local path to download the
 * artifact to. If not provided, returns base64 content", "save_to_file: If true, saves to a .export.json file. Default:
 * false (returns JSON in response)", "output: 'value' (default) returns the byte list inline … 'file' saves raw bytes".
 * Only the parameter's text: in the tool's description "If omitted, returns all
 * sections" speaks of some other parameter.
 */
const INLINE_UNLESS_GIVEN =
  /\(default\)[,:]? returns?\b[^.;]{0,40}\binline\b|\b(?:if|when) (?:not provided|omitted|not given|not set|not specified|absent)[,:]? (?:it |the (?:tool|call) )?returns?\b|\bdefault:? false\b[.,;]? \(?returns?\b/i;

/**
 * An output mode whose default is one of its values that hands the result back, one other value writing a file
 * ("output_mode: 'compact' truncates, 'full_json_string' returns full data, 'full_json_file' writes to file", default
 * "compact"): the file is the caller's choice.
 */
function inlineByDefault(p: Signals['params'][number]): boolean {
  const d = p.defaultValue;
  return (
    d !== undefined &&
    p.enumValues.length > 1 &&
    p.enumValues.includes(d) &&
    !/file|disk|sav|writ|path|dir|export/i.test(d) &&
    p.enumValues.some((v) => /file|disk/i.test(v))
  );
}

/**
 * An optional path for a result the call otherwise hands back, on a tool whose name and opening only read ("Read
 * bytes back from the SPI NOR flash, to a file or (up to 4096 bytes) as hex", "Screenshot a running app's webview"
 * with "filePath: File path to save the screenshot to instead of returning as base64"): keeping a copy is the
 * caller's choice, not what the call does.
 */
function inlineUnlessPath(s: Signals, name: string, description: string): boolean {
  const p = s.params.find((x) => x.name === name);
  if (!p || p.required === true) return false;
  if (
    !inlineByDefault(p) &&
    !INLINE_UNLESS_PATH.test(description) &&
    !INLINE_UNLESS_PATH.test(p.description) &&
    !INLINE_UNLESS_GIVEN.test(p.description)
  )
    return false;
  const named = nameVerb
    .apply(s)
    .filter((h) => h.effect === 'read' || h.effect === 'write' || h.effect === 'destructive');
  const opening = openingVerbs(s);
  const hits = [...named, ...opening];
  // A name with no verb ("pipelines_artifact") leaves it to the opening ("Retrieve and download build artifacts").
  return (
    (named.some((h) => h.effect === 'read') || (named.length === 0 && opening.length > 0)) &&
    hits.every((h) => h.effect === 'read')
  );
}

export const outputPathParam: Rule = {
  code: 'OUTPUT_PATH_PARAM',
  role: 'raise',
  summary:
    'A parameter that says where to save output (outputPath, savePath, destinationPath, or a path described as "save to"/"write to"); not an optional one for a result the call otherwise hands back, on a tool whose name and opening only read.',
  apply: (s) => {
    const matched: string[] = [];
    for (const p of s.params) {
      if (p.depth > 1 || p.words.includes('json') || /\bjson ?path|\bxpath\b/.test(p.description)) continue;
      // A parameter that filters what is listed is not where output goes ("Filter by destination location ID").
      if (/^(?:filter|only)\b/.test(p.description)) continue;
      if (ATTRIBUTE_WORDS.has(p.words.at(-1) ?? '')) continue;
      // A name for something already made picks what is read ("filename: Suggested filename of a previously generated
      // plot"), not where output goes.
      if (/\b(?:previously|already|recently) (?:generated|created|saved|rendered|made|produced)\b/.test(p.description))
        continue;
      // "opt_out" opts out; a flag that includes something in the answer ("export_definition: whether to include a
      // presigned URL", "include_executed_script_in_output") saves nothing.
      if (p.words.includes('opt')) continue;
      if (p.type === 'boolean' && /\binclud(?:e|es|ed|ing)\b/.test(p.description) && !saveDescOf(p.description))
        continue;
      const pathDesc = () => /\b(?:path|file|director(?:y|ies)|folder)\b/.test(p.description);
      // "location" is a place unless described as a path; a bare "target" is as often what the call acts on, so it
      // must be said to receive output.
      const pathName = p.words.some((w) => PATH_WORDS.has(w) && (w !== 'location' || pathDesc()));
      const outputName = p.words.some(
        (w) => OUTPUT_WORDS.has(w) && !(w === 'target' && !pathName && !saveDescOf(p.description)),
      );
      if (!pathName && !outputName) continue;
      // A bare "destination" is a path when the tool says it puts something there ("to an explicit local file path",
      // "under destination/…"); in a maps tool it is a place.
      const placedThere = () =>
        outputName &&
        p.description === '' &&
        (/\b(?:to|into|under) (?:an? |the |a new )?(?:explicit |given )?(?:local |absolute )?(?:file ?path|director(?:y|ies)|folder|disk)\b/.test(
          s.description,
        ) ||
          new RegExp(String.raw`\b(?:to|into|under) (?:the )?${p.words.join('[ _]?')}\b`).test(s.description));
      if ((outputName && (pathName || pathDesc())) || (pathName && saveDescOf(p.description)) || placedThere())
        matched.push(p.name);
    }
    if (matched.length === 0) return [];
    // The filesystem capability stays either way: the call can write there.
    const writes = matched.some((n) => !inlineUnlessPath(s, n, s.description));
    return [
      ...(writes ? [{ effect: 'write' as const, matched, source: 'inputSchema' as const, weight: 2 }] : []),
      { effect: 'capability:filesystem', matched, source: 'inputSchema', weight: 2 },
    ];
  },
};
