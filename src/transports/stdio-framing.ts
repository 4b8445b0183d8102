/**
 * Line framing in front of the SDK's stdio transport.
 *
 * The SDK's StdioServerTransport buffers stdin in a ReadBuffer capped at
 * STDIO_DEFAULT_MAX_BUFFER_SIZE (10 MiB). A longer line makes append() throw; the transport
 * reports the error, closes itself, and with stdin paused the process exits 0: the client gets
 * no answer, only a dead server. LineGuard sits between stdin and the transport instead: it
 * passes each complete line of up to `maxLineBytes` through unchanged and discards a longer one
 * up to its newline, reporting it so the caller can answer with a JSON-RPC error. The transport
 * only ever sees complete lines within the limit, so its own buffer never overflows.
 */
import { Transform, type TransformCallback } from 'node:stream';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const MAX_ID_BYTES = 256;

/**
 * Finds the top-level "id" of a JSON object streamed past it, keeping only a few bytes: so a
 * request too large to read can still be answered under its own id, and the client's call fails
 * at once instead of waiting for its timeout. Best effort: anything unusual gives null.
 */
export class TopLevelIdScanner {
  #depth = 0;
  #inString = false;
  #escaped = false;
  #expectKey = false;
  #key: number[] | undefined;
  #lastKey = '';
  #value: number[] | undefined;
  #id: string | number | null = null;
  #found = false;

  get id(): string | number | null {
    return this.#id;
  }

  push(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (this.#found) return;
      if (this.#inString) this.#stringByte(byte);
      else this.#structuralByte(byte);
    }
  }

  /** Keep a byte of the id's value; an id longer than MAX_ID_BYTES is given up on. */
  #capture(byte: number): void {
    this.#value?.push(byte);
    if (this.#value && this.#value.length > MAX_ID_BYTES) this.#value = undefined;
  }

  #stringByte(byte: number): void {
    this.#capture(byte);
    if (this.#escaped) {
      this.#escaped = false;
      this.#key?.push(byte);
    } else if (byte === BACKSLASH) {
      this.#escaped = true;
      this.#key?.push(byte);
    } else if (byte === QUOTE) {
      this.#inString = false;
      if (this.#key) this.#lastKey = Buffer.from(this.#key).toString('latin1');
      this.#key = undefined;
    } else if (this.#key && this.#key.length < 8) {
      this.#key.push(byte);
    }
  }

  #structuralByte(byte: number): void {
    if (this.#value && this.#depth === 1 && (byte === COMMA || CLOSE.has(byte))) {
      this.#finishValue();
    } else {
      this.#capture(byte);
    }
    if (byte === QUOTE) {
      this.#inString = true;
      if (this.#depth === 1 && this.#expectKey) this.#key = [];
    } else if (OPEN.has(byte)) {
      this.#depth += 1;
      this.#expectKey = this.#depth === 1 && byte === 0x7b;
    } else if (CLOSE.has(byte)) {
      this.#depth -= 1;
    } else if (this.#depth === 1 && byte === COLON) {
      this.#expectKey = false;
      if (this.#lastKey === 'id') this.#value = [];
    } else if (this.#depth === 1 && byte === COMMA) {
      this.#expectKey = true;
    }
  }

  #finishValue(): void {
    try {
      const value: unknown = JSON.parse(Buffer.from(this.#value ?? []).toString('utf8'));
      if (typeof value === 'string' || typeof value === 'number') {
        this.#id = value;
        this.#found = true;
      }
    } catch {
      // Not a JSON scalar: leave the id unknown.
    }
    this.#value = undefined;
  }
}

export interface OversizeLine {
  /** Bytes in the discarded line, without its newline. */
  bytes: number;
  /** The request's id if it could be read from the line, else null. */
  id: string | number | null;
}

export class LineGuard extends Transform {
  #parts: Buffer[] = [];
  #size = 0;
  #scanner: TopLevelIdScanner | undefined;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onOversize: (line: OversizeLine) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline === -1) {
        this.#take(chunk.subarray(start), 0);
        break;
      }
      // The newline travels with the line (the SDK splits on it) but does not count against it.
      this.#take(chunk.subarray(start, newline + 1), 1);
      this.#endLine();
      start = newline + 1;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    // End of input inside a line: pass on what fits, as the SDK would have seen it.
    if (this.#scanner === undefined && this.#parts.length > 0) this.push(this.#joined());
    callback();
  }

  #take(piece: Buffer, newlines: number): void {
    this.#size += piece.length - newlines;
    if (this.#scanner) {
      this.#scanner.push(piece);
      return;
    }
    this.#parts.push(piece);
    if (this.#size <= this.maxLineBytes) return;
    const scanner = new TopLevelIdScanner();
    for (const part of this.#parts) scanner.push(part);
    this.#scanner = scanner;
    this.#parts = [];
  }

  #endLine(): void {
    if (this.#scanner) {
      const { id } = this.#scanner;
      this.#scanner = undefined;
      this.onOversize({ bytes: this.#size, id });
    } else {
      this.push(this.#joined());
    }
    this.#parts = [];
    this.#size = 0;
  }

  #joined(): Buffer {
    return this.#parts.length === 1 ? (this.#parts[0] as Buffer) : Buffer.concat(this.#parts);
  }
}
