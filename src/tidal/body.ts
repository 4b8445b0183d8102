/**
 * Reading a response body from TIDAL. undici's request() hands over the bytes as sent, so we
 * ask for compression ourselves (TIDAL gzips bodies over 2 KB when asked) and decode it here.
 *
 * Hard cap: MAX_BODY_BYTES (16 MiB), on the wire and after decoding, no setting. TIDAL's largest
 * documents (a search page with every include) are well under 1 MiB, so 16 MiB is generous, yet
 * a broken or hostile answer (a 20 KB gzip "bomb" inflates to gigabytes) costs at most that
 * much memory and ends in a clear error instead of an out-of-memory crash. Decoding uses
 * zlib's `maxOutputLength`, which stops inflating at the cap rather than after the fact.
 */
import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';

import { InvalidResponseError } from './errors.js';
import { type HeaderBag, headerValue } from './retry.js';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * gzip is what TIDAL documents; br is decoded just as safely by Node's zlib (same cap) and
 * costs nothing to offer. deflate is not offered: its two framings are a known interop trap.
 */
export const ACCEPT_ENCODING = 'gzip, br';

const DECODERS: Record<
  string,
  (input: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>
> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  br: promisify(brotliDecompress),
};

export interface DecodedBody {
  text: string;
  /** Bytes as they came over the network (compressed, if they were). */
  wireBytes: number;
  decodedBytes: number;
}

function tooLarge(what: string, status: number): InvalidResponseError {
  return new InvalidResponseError(
    `TIDAL sent a response larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB for ${what}`,
    status,
    'too large',
  );
}

/** Read, size-check and decode a body. Throws InvalidResponseError for what we cannot accept. */
export async function readBody(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  headers: HeaderBag,
  what: string,
  status: number,
): Promise<DecodedBody> {
  if (Number(headerValue(headers, 'content-length')) > MAX_BODY_BYTES) {
    body.destroy();
    throw tooLarge(what, status);
  }
  const chunks: Buffer[] = [];
  let wireBytes = 0;
  for await (const chunk of body) {
    wireBytes += chunk.length;
    // Leaving the loop early destroys the stream: the rest is never downloaded.
    if (wireBytes > MAX_BODY_BYTES) throw tooLarge(what, status);
    chunks.push(chunk);
  }
  const decoded = await decode(Buffer.concat(chunks, wireBytes), headers, what, status);
  return { text: decoded.toString('utf8'), wireBytes, decodedBytes: decoded.length };
}

async function decode(
  wire: Buffer,
  headers: HeaderBag,
  what: string,
  status: number,
): Promise<Buffer> {
  const encoding = (headerValue(headers, 'content-encoding') ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return wire;
  const decoder = DECODERS[encoding];
  if (!decoder) {
    throw InvalidResponseError.for(what, status, `unsupported content encoding "${encoding}"`);
  }
  try {
    return await decoder(wire, { maxOutputLength: MAX_BODY_BYTES });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(what, status);
    throw InvalidResponseError.for(what, status, `could not decode the ${encoding} body`);
  }
}
