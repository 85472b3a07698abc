// Regenerates the README's screenshot of the page (server/page-screenshot.png):
// the service on loopback, Debian's Chromium, a State Corporation submission
// answered in Russian. `node screenshot.mjs` (after cargo build -p merzim-server).
import path from 'node:path';
import { ROOT, startServer, launch } from './harness.mjs';

const out = process.argv[2] || path.join(ROOT, 'server/page-screenshot.png');
const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1250 }, deviceScaleFactor: 1, locale: 'ru-RU', timezoneId: 'Asia/Almaty' });
  await page.goto(`${server.base}/?submitted=2026-03-18T16:30&regulation=east-kazakhstan-2016-land-purpose-change&channel=state_corporation&lang=ru`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#result:not([hidden])');
  await page.screenshot({ path: out, fullPage: false });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
