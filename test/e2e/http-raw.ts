/**
 * HTTP/1.1 over a raw node:net socket, for requests a client library would normalise or refuse
 * to send (TRACE, odd Host headers, bodies cut short) and to see whether the server closes the
 * connection after answering.
 */
import { createConnection } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** With watchClose: the server ended the connection after its answer (did not keep it alive). */
  closedByServer: boolean;
}

export interface RawRequestOptions {
  /** Written right after the head (may be shorter than the declared Content-Length). */
  body?: string;
  /** Wait (up to a few seconds) to see whether the server closes the connection after answering. */
  watchClose?: boolean;
  /** Next chunk to write after the body, until it returns undefined or the server answers. */
  feed?: () => string | undefined;
}

/** How long a finished answer may wait for the server's FIN before we call the socket kept alive. */
const CLOSE_GRACE_MS = 3000;

function dechunk(raw: string): string | undefined {
  let out = '';
  let rest = raw;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    if (eol === -1) return undefined;
    const size = parseInt(rest.slice(0, eol), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return out;
    if (rest.length < eol + 2 + size + 2) return undefined;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

function parse(raw: string, method: string): Omit<RawResponse, 'closedByServer'> | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const status = Number(statusLine?.split(' ')[1]);
  const rest = raw.slice(end + 4);
  if (method === 'HEAD') return { status, headers, body: '' };
  if (headers['transfer-encoding'] === 'chunked') {
    const body = dechunk(rest);
    return body === undefined ? undefined : { status, headers, body };
  }
  const length = Number(headers['content-length'] ?? 0);
  return rest.length < length ? undefined : { status, headers, body: rest.slice(0, length) };
}

/** Send `head` (request line and headers, without the blank line) and read one answer. */
export function rawRequest(
  port: number,
  head: string,
  options: RawRequestOptions = {},
): Promise<RawResponse> {
  const method = head.split(' ')[0] ?? '';
  return new Promise((resolve, reject) => {
    const socket = createConnection(port, '127.0.0.1');
    let raw = '';
    let answer: Omit<RawResponse, 'closedByServer'> | undefined;
    let timer: NodeJS.Timeout | undefined;
    const done = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      if (answer) resolve({ ...answer, closedByServer });
      else reject(new Error(`no complete answer; got ${JSON.stringify(raw.slice(0, 300))}`));
    };
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('latin1');
      if (answer) return;
      answer = parse(raw, method);
      if (!answer) return;
      if (options.watchClose) timer = setTimeout(() => done(false), CLOSE_GRACE_MS);
      else done(false);
    });
    socket.on('end', () => done(true));
    socket.on('close', () => done(true));
    // Writing into a connection the server already closed fails: that is the point of some tests.
    socket.on('error', () => undefined);
    socket.write(`${head}\r\n\r\n${options.body ?? ''}`);
    const feed = options.feed;
    if (feed) {
      const pump = (): void => {
        while (!answer && !socket.destroyed) {
          const chunk = feed();
          if (chunk === undefined) return;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    }
  });
}
