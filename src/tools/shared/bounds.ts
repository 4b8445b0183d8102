/**
 * The last line of defence for the model's context: no result above about 10k tokens of text or
 * 20k tokens of structured content, whatever the input. Tools summarise long lists themselves
 * (search caps items per call, manage_playlist lists the first results and counts the rest); this
 * guard only catches what slips through. Limits are in characters at 2.5 characters per token,
 * below the densest output measured with a real tokenizer (o200k: about 2.7 for id-heavy text).
 */

export const MAX_TEXT_CHARS = 25_000;
export const MAX_STRUCTURED_CHARS = 50_000;

/** Cuts text at a line boundary, saying how much was cut and what to do instead. */
export function boundText(text: string, max = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  const keep = text.slice(0, max - 200);
  const cutAt = keep.lastIndexOf('\n');
  const kept = cutAt > 0 ? keep.slice(0, cutAt) : keep;
  const dropped = text
    .slice(kept.length)
    .split('\n')
    .filter((l) => l !== '').length;
  return `${kept}\n… ${dropped} more lines cut to keep this result small: ask for fewer items (a smaller limit or fewer ids) or follow nextCursor.`;
}

type JsonValue = unknown;

/** The longest array anywhere in a value (by serialized size), with its owner and key. */
function largestArray(
  value: JsonValue,
):
  | { owner: Record<string, JsonValue> | JsonValue[]; key: string | number; size: number }
  | undefined {
  let best: ReturnType<typeof largestArray>;
  const visit = (node: JsonValue) => {
    if (typeof node !== 'object' || node === null) return;
    const entries: [string | number, JsonValue][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node);
    for (const [key, child] of entries) {
      if (Array.isArray(child) && child.length > 1) {
        const size = JSON.stringify(child).length;
        if (!best || size > best.size)
          best = { owner: node as Record<string, JsonValue>, key, size };
      }
      visit(child);
    }
  };
  visit(value);
  return best;
}

/**
 * Halves the largest list until the structured content fits (lists have no minimum length in
 * any output schema, so the result stays valid). Returns how many items were dropped.
 */
export function boundStructured(structured: object, max = MAX_STRUCTURED_CHARS): number {
  let dropped = 0;
  while (JSON.stringify(structured).length > max) {
    const found = largestArray(structured);
    if (!found) break;
    const list = (found.owner as Record<string | number, JsonValue[]>)[found.key] as JsonValue[];
    const keep = Math.floor(list.length / 2);
    dropped += list.length - keep;
    list.length = keep;
  }
  return dropped;
}
