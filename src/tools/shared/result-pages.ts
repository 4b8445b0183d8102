/**
 * Long answers a model pages through without sending its input again: the first call keeps the
 * whole result under an unguessable handle, and its cursor names the handle and an offset. A few
 * results are kept for half an hour, in this process only: a cursor that outlived its result (or
 * reached another server instance) says to repeat the call without cursor.
 */
const CAPACITY = 8;
const LIFETIME_MS = 30 * 60 * 1000;

export class ResultPages {
  private readonly kept = new Map<string, { value: unknown; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  keep(value: unknown): string {
    for (const [handle, entry] of this.kept)
      if (entry.until <= this.now()) this.kept.delete(handle);
    while (this.kept.size >= CAPACITY) this.kept.delete(this.kept.keys().next().value as string);
    // The global Web Crypto, loaded on first use; importing node:crypto costs every start ~5 ms.
    const handle = globalThis.crypto.randomUUID();
    this.kept.set(handle, { value, until: this.now() + LIFETIME_MS });
    return handle;
  }

  /** The kept result, or undefined when it expired or was never here. */
  get<T>(handle: string): T | undefined {
    const entry = this.kept.get(handle);
    if (!entry || entry.until <= this.now()) return undefined;
    return entry.value as T;
  }
}
