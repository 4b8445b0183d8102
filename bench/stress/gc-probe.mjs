/**
 * Preloaded into the server by the stress run only (`node --expose-gc --import <this>`): on
 * SIGUSR2, collect garbage and print the live heap to stderr, so the run can see what the
 * response cache really holds without the server exposing anything.
 */
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const { heapUsed } = process.memoryUsage();
  process.stderr.write(`[stress-gc] heapUsed=${heapUsed}\n`);
});
