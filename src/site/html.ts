// Markup assembled as strings for the pages rendered tens of thousands of times (tool pages): the html`` tag escapes
// every interpolated value with the one escaper (escapeMarkup), as Astro's {expressions} do, so server text stays
// inert.
import { escapeMarkup } from './text.ts';

/** Markup that is already safe: made only by html`` (or raw() on text the build itself wrote). */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What html`` accepts in a ${…}: text (escaped), numbers, markup, lists of these; false, null and undefined print nothing. */
export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[];

function part(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(part).join('');
  if (value === false || value === null || value === undefined) return '';
  return escapeMarkup(String(value));
}

/** Markup from a template: the literal parts as written, every ${value} escaped unless it is Html. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += part(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Markup the build wrote itself (never server text): serialized JSON-LD and the like. */
export function raw(markup: string): Html {
  return new Html(markup);
}
