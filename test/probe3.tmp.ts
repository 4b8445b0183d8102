import { startFakeTidal } from './fake-tidal/index.js';
import { startInProcess } from './helpers/in-process.js';
const fake = await startFakeTidal();
const s = await startInProcess(fake);
const calls: [string, Record<string, unknown>][] = JSON.parse(process.argv[2]!);
for (const [name, args] of calls) {
  fake.clearRequests();
  const r = await s.tool(name, args);
  console.log(`=== ${name} ${JSON.stringify(args)} error=${r.isError}`);
  console.log(r.text);
  console.log('requests:', fake.apiRequests().map((q) => `${q.status} ${q.path}?${Object.entries(q.query).map(([k, v]) => `${k}=${v.join('|')}`).join('&')}`));
  if (process.env.JSON) console.log(JSON.stringify(r.structured, null, 1).slice(0, 3000));
}
await s.close();
await fake.close();
