/**
 * The "no secret in any output" check: everything the server and the CLI wrote (stderr at debug
 * level, stdout, tool results, the login page) is kept per source and searched, at the end, for
 * every secret the run knows of.
 */
export class OutputScan {
  readonly #outputs = new Map<string, string[]>();
  readonly #fixed: string[] = [];

  /** A secret known up front (client secret, HTTP bearer token). */
  addSecret(secret: string): void {
    this.#fixed.push(secret);
  }

  record(source: string, text: string): void {
    const list = this.#outputs.get(source) ?? [];
    list.push(text);
    this.#outputs.set(source, list);
  }

  /** Bytes of output recorded, per source. */
  sizes(): Record<string, number> {
    const sizes: Record<string, number> = {};
    for (const [source, texts] of this.#outputs) {
      sizes[source] = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
    }
    return sizes;
  }

  /** How many of the known secrets `text` contains: the positive control for findings(). */
  countIn(text: string, recorded: Iterable<string>): number {
    return this.#secrets(recorded).filter((secret) => text.includes(secret)).length;
  }

  #secrets(recorded: Iterable<string>): string[] {
    return [...new Set([...this.#fixed, ...recorded])].filter((s) => s.length >= 8);
  }

  /** Every (source, secret kind) where a secret showed up; empty when clean. */
  findings(recorded: Iterable<string>): { secrets: number; hits: string[] } {
    const secrets = this.#secrets(recorded);
    const hits: string[] = [];
    for (const [source, texts] of this.#outputs) {
      for (const text of texts) {
        for (const secret of secrets) {
          // Name the secret by its first characters only: the report must not leak it either.
          if (text.includes(secret)) hits.push(`${source}: ${secret.slice(0, 3)}…`);
        }
      }
    }
    return { secrets: secrets.length, hits };
  }
}
