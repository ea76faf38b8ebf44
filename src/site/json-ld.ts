// Serializes structured data for <script type="application/ld+json">: valid JSON that can never close the script
// element.

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON.stringify, then escape the characters that matter to an HTML parser or old JS engines; the result parses back to the same value. */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined)
    throw new TypeError(
      'serializeJsonLd: the value is not JSON-serializable (undefined or a function); pass a plain object.',
    );
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => ESCAPES[ch]);
}
