/** LineGuard and TopLevelIdScanner (src/transports/stdio-framing.ts) on their own. */
import { describe, expect, it } from 'vitest';

import {
  LineGuard,
  type OversizeLine,
  TopLevelIdScanner,
} from '../../src/transports/stdio-framing.js';

/** Feed `chunks` through a guard; collect what passes and what was refused. */
async function run(limit: number, chunks: string[]) {
  const oversize: OversizeLine[] = [];
  const guard = new LineGuard(limit, (line) => oversize.push(line));
  const passed: string[] = [];
  guard.on('data', (b: Buffer) => passed.push(b.toString('utf8')));
  const ended = new Promise((resolve) => guard.on('end', resolve));
  for (const chunk of chunks) guard.write(Buffer.from(chunk));
  guard.end();
  await ended;
  return { passed, oversize };
}

function idOf(text: string, split = 1): string | number | null {
  const scanner = new TopLevelIdScanner();
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += split) scanner.push(bytes.subarray(i, i + split));
  return scanner.id;
}

describe('LineGuard', () => {
  it('passes complete lines through one by one, however the input is chunked', async () => {
    const { passed, oversize } = await run(10, ['ab', 'c\nde', 'f\n\ng', 'h\r\n']);
    expect(passed).toEqual(['abc\n', 'def\n', '\n', 'gh\r\n']);
    expect(oversize).toEqual([]);
  });

  it('allows exactly the limit and refuses one byte more, counting the bytes', async () => {
    const { passed, oversize } = await run(5, ['12345\n', '123456\n', 'ok\n']);
    expect(passed).toEqual(['12345\n', 'ok\n']);
    expect(oversize).toEqual([{ bytes: 6, id: null }]);
  });

  it('discards a long line across many chunks, up to its newline only', async () => {
    const chunks = ['{"jsonrpc":"2.0","id":', '42,"params":"', 'x'.repeat(50), 'x"}\n{"n":1}\n'];
    const { passed, oversize } = await run(20, chunks);
    expect(passed).toEqual(['{"n":1}\n']);
    expect(oversize).toEqual([{ bytes: chunks.join('').indexOf('\n'), id: 42 }]);
  });

  it('passes on a last line without newline at end of input, unless it is too long', async () => {
    expect((await run(10, ['a\nb'])).passed).toEqual(['a\n', 'b']);
    expect(await run(2, ['a\nbcd'])).toEqual({ passed: ['a\n'], oversize: [] });
  });
});

describe('TopLevelIdScanner', () => {
  it('finds a number or string id wherever it sits at the top level', () => {
    expect(idOf('{"jsonrpc":"2.0","id":7,"method":"x"}')).toBe(7);
    expect(idOf('{"method":"x","params":{"a":[1,{"b":2}]},"jsonrpc":"2.0","id":"req-9"}')).toBe(
      'req-9',
    );
    expect(idOf('{ "id" : -3 , "method":"x"}', 3)).toBe(-3);
  });

  it('ignores ids nested in params and look-alikes inside strings', () => {
    expect(idOf('{"params":{"id":1},"method":"x"}')).toBeNull();
    expect(idOf('{"params":"\\"id\\":5","method":"x","id":6}')).toBe(6);
    expect(idOf('{"params":["id",{"id":2}],"id":"a\\"b"}')).toBe('a"b');
  });

  it('gives null when there is no usable id', () => {
    expect(idOf('{"method":"notifications/x"}')).toBeNull();
    expect(idOf('{"id":null,"method":"x"}')).toBeNull();
    expect(idOf('{"id":{"x":1}}')).toBeNull();
    expect(idOf('[{"id":1},{"id":2}]')).toBeNull();
    expect(idOf('not json at all "id": 3')).toBeNull();
    expect(idOf(`{"id":"${'z'.repeat(1000)}"}`)).toBeNull();
  });

  it('takes the first top-level id and stops there', () => {
    expect(idOf('{"id":1,"id":2}')).toBe(1);
  });
});
