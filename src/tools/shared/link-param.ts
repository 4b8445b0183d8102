/**
 * A `url` parameter: a pasted tidal.com link to one of the given kinds of object, resolved to
 * the kind and id it points at. The id obeys the same rules as ids given directly.
 */
import * as z from 'zod/v4';

import { type LinkKind, parseTidalUrl } from './links.js';
import { TIDAL_ID_PATTERN } from './params.js';

const an = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

export function linkParam(kinds: readonly LinkKind[], example: string, description: string) {
  const wanted = kinds.join(' or ');
  return z
    .string()
    .trim()
    .max(1000, 'expected a tidal.com link of at most 1000 characters')
    .transform((value, ctx) => {
      const link = parseTidalUrl(value);
      if (link && kinds.includes(link.kind) && TIDAL_ID_PATTERN.test(link.id)) return link;
      ctx.addIssue({
        code: 'custom',
        input: value,
        message: link
          ? `is a link to ${an(link.kind)}; expected ${an(wanted)} link`
          : `expected a tidal.com ${wanted} link, e.g. ${example}`,
      });
      return z.NEVER;
    })
    .describe(description);
}
