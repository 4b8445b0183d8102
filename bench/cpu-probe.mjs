// Loaded with `node --import` by the start-up benchmark into tidal-mcp and the bare baseline
// alike: when the tools/list answer is written, report the process's CPU time so far (all threads,
// microsecond resolution) on stderr. Wall time on a busy machine says more about the neighbours.
const write = process.stdout.write.bind(process.stdout);
let reported = false;
process.stdout.write = (chunk, ...rest) => {
  const result = write(chunk, ...rest);
  if (!reported && String(chunk).includes('"tools":[')) {
    reported = true;
    const { user, system } = process.cpuUsage();
    process.stderr.write(`cpu-probe ${(user + system) / 1000}\n`);
  }
  return result;
};
