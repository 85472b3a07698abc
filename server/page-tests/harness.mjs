// Shared by the browser tests and the screenshot script: start merzim-server
// on a free loopback port, and Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update'];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** merzim-server on loopback: { base, stop }. MERZIM_SERVER names the binary. */
export async function startServer() {
  const bin = process.env.MERZIM_SERVER || path.join(ROOT, 'target/debug/merzim-server');
  if (!fs.existsSync(bin)) throw new Error(`no merzim-server at ${bin} (cargo build -p merzim-server, or set MERZIM_SERVER)`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; if (log.length > 200000) log = log.slice(-100000); });
  let exited = null;
  child.on('exit', (code) => { exited = code; });
  for (let i = 0; i < 200; i += 1) {
    if (exited !== null) throw new Error(`merzim-server exited (${exited}):\n${log}`);
    try { const r = await fetch(`${base}/healthz`); if (r.ok) break; } catch (e) { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const r = await fetch(`${base}/healthz`).catch(() => null);
  if (!r || !r.ok) { child.kill('SIGTERM'); throw new Error(`merzim-server does not answer on ${base}:\n${log}`); }
  return {
    base,
    log: () => log,
    stop: () => new Promise((resolve) => {
      if (exited !== null) { resolve(); return; }
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Debian's Chromium, headless (never a browser a tool downloads). */
export async function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
