/**
 * Cancellation for 2025-era clients over stateless HTTP.
 *
 * A 2026-07-28 client cancels by closing the call's HTTP response; the SDK then aborts the tool's
 * signal and our upstream TIDAL requests. A 2025-era client instead POSTs
 * `notifications/cancelled` as a separate request, which the SDK's stateless legacy fallback
 * hands to a fresh server instance that knows nothing of the call. So we route it here: the
 * `initialize` answer carries a random Mcp-Session-Id (a correlation handle only; no state hangs
 * off it and any instance accepts it), the client echoes it on every POST, and a cancellation
 * closes the matching in-flight response, which aborts the call exactly like a 2026 client would.
 *
 * Handles are CSPRNG UUIDs, so a client can only cancel its own calls. Behind a load balancer a
 * cancellation that lands on another instance is a no-op (the call finishes; its result is
 * discarded by the client), which is the spec's best-effort semantics for cancellation.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const HANDLE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Message {
  id?: unknown;
  method?: unknown;
  params?: { requestId?: unknown; _meta?: Record<string, unknown> };
}

function messages(body: string): Message[] {
  try {
    const parsed: unknown = JSON.parse(body);
    const list = Array.isArray(parsed) ? parsed : [parsed];
    return list.filter((m): m is Message => typeof m === 'object' && m !== null);
  } catch {
    return []; // The SDK answers malformed JSON itself.
  }
}

export class LegacyCancellation {
  readonly #inFlight = new Map<string, ServerResponse>();

  constructor(private readonly onCancel: (method: string) => void = () => undefined) {}

  /** Look at a POST body before the SDK handles it; may set a header or cancel a call. */
  inspect(body: string, req: IncomingMessage, res: ServerResponse): void {
    const header = req.headers['mcp-session-id'];
    const handle = typeof header === 'string' && HANDLE.test(header) ? header : undefined;
    for (const message of messages(body)) {
      if (message.method === 'initialize' && message.id !== undefined) {
        res.setHeader('mcp-session-id', randomUUID());
        continue;
      }
      if (handle === undefined) continue;
      if (message.method === 'notifications/cancelled') {
        const key = `${handle} ${JSON.stringify(message.params?.requestId)}`;
        const call = this.#inFlight.get(key);
        if (call === undefined) continue;
        this.#inFlight.delete(key);
        this.onCancel(String(message.params?.requestId));
        // Closing the response aborts the request's signal, and with it the tool's upstream calls.
        call.destroy();
        continue;
      }
      if (typeof message.method === 'string' && message.id !== undefined) {
        const key = `${handle} ${JSON.stringify(message.id)}`;
        this.#inFlight.set(key, res);
        res.once('close', () => {
          if (this.#inFlight.get(key) === res) this.#inFlight.delete(key);
        });
      }
    }
  }
}
