// JSON-LD serialization: parses back to the same value and can never end the <script> element, whatever the strings
// hold.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serializeJsonLd } from '../../src/site/json-ld.ts';

describe('serializeJsonLd', () => {
  it('escapes <, >, &, U+2028 and U+2029', () => {
    const text = serializeJsonLd({ a: '</script><!--&\u2028\u2029' });
    expect(text).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}');
  });
  it('round-trips any JSON value and never contains a raw dangerous character', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'binary' }), (value, s) => {
        for (const v of [value, { s }, [s, value]]) {
          const text = serializeJsonLd(v);
          expect(text).not.toMatch(/[<>&\u2028\u2029]/);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
      { numRuns: 150 },
    );
  });
  it('says what to do when given something JSON cannot hold', () => {
    expect(() => serializeJsonLd(undefined)).toThrow(/not JSON-serializable/);
  });
});
