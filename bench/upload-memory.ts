// Bench: peak RSS of the app server while a large file is uploaded through the API (target: a 1 GB upload
// grows the server's RSS by no more than ~100 MB). Needs a production build (`npx next build`).
// Run: npx tsx bench/upload-memory.ts [--mb 1024]
import { spawn, execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '1024' }, port: { type: 'string', default: '3210' } } });
const mb = Number(values.mb);
const port = Number(values.port);
const dir = mkdtempSync(path.join(tmpdir(), 'alinea-upload-bench-'));
const dataDir = path.join(dir, 'data');

function rssOfTree(rootPid: number): number {
  // sum VmRSS over the process and its descendants (next start may fork)
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* process ended */
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += m ? Number(m[1]) * 1024 : 0;
    } catch {
      /* gone */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

let cookie = '';

/** An admin made with the CLI, signed in through better-auth: its session cookie goes with every request. */
async function signIn(env: NodeJS.ProcessEnv) {
  const admin = { email: 'bench@alinea.local', password: 'bench-password-0123456789' };
  execFileSync('node', ['bin/alinea.mjs', 'create-user', '--email', admin.email, '--password', admin.password, '--role', 'admin', '--update'], { env, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  const res = await fetch(`${origin}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(admin) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function api(pathName: string, body: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${pathName}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, cookie }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${pathName}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, { id: string }>>;
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Build the app first: npx next build');
  const file = path.join(dir, 'big.wav');
  // a real WAV of the requested size (16 kHz mono 16-bit → 32000 bytes/s)
  const seconds = Math.ceil((mb * 1024 * 1024) / 32000);
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `anoisesrc=d=${seconds}:c=pink:r=16000:a=0.1`, '-ac', '1', '-c:a', 'pcm_s16le', file]);
  const size = statSync(file).size;

  const env = { ...process.env, ALINEA_DATA_DIR: dataDir, ALINEA_MAX_UPLOAD_MB: String(mb * 2) };
  execFileSync('node', ['bin/alinea.mjs', 'migrate'], { env, stdio: 'ignore' });
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { env, stdio: 'ignore', detached: true });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/sign-in`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 120) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    await signIn(env);
    const { project } = await api('/api/projects', { name: 'bench' });
    const { book } = await api(`/api/projects/${project!.id}/books`, { title: 'bench' });
    await fetch(`http://127.0.0.1:${port}/api/books/${book!.id}`, { headers: { cookie } }); // warm the route
    const baseline = rssOfTree(server.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOfTree(server.pid!))), 100);
    const t0 = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: `/api/books/${book!.id}/audio?name=big.wav`, headers: { 'content-type': 'application/octet-stream', 'content-length': size, origin: `http://127.0.0.1:${port}`, cookie } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      createReadStream(file).pipe(req);
    });
    const secs = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    console.log(
      JSON.stringify({
        bench: 'upload-memory',
        status,
        uploadMB: Math.round(size / 1048576),
        seconds: Math.round(secs * 10) / 10,
        MBps: Math.round(size / 1048576 / secs),
        serverRssBaselineMB: Math.round(baseline / 1048576),
        serverRssPeakMB: Math.round(peak / 1048576),
        serverRssGrowthMB: Math.round((peak - baseline) / 1048576),
      }),
    );
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
