import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against the real product: `attain demo` loads the demo company into a fresh
 * SQLite file and serves the built web app (build it first: `npm run build`). A second, empty
 * server checks the first-run page. Chromium is Debian's (STACK.md): never `playwright install`.
 */
const DEMO_PORT = 3217;
const EMPTY_PORT = 3219; // e2e/helpers.ts EMPTY_SERVER_URL
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * E2E_DEMO_URL points the journeys at a demo server you already run (while developing);
 * otherwise a fresh one is started on a new database.
 */
const external = process.env.E2E_DEMO_URL;
const demoServer = {
  command: `rm -rf .tmp/e2e && node packages/server/bin/attain.js --db .tmp/e2e/attain.db demo --seed 7 --port ${DEMO_PORT}`,
  url: `http://127.0.0.1:${DEMO_PORT}/api/v1/setup`,
  timeout: 180_000,
  reuseExistingServer: false,
  stdout: 'pipe' as const,
};

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000, // generous: CI machines here have 2 shared cores
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: external ?? `http://127.0.0.1:${DEMO_PORT}`,
    locale: 'zh-CN',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: [
    ...(external ? [] : [demoServer]),
    {
      command: `rm -rf .tmp/e2e-empty && node packages/server/bin/attain.js --db .tmp/e2e-empty/attain.db serve --port ${EMPTY_PORT}`,
      url: `http://127.0.0.1:${EMPTY_PORT}/api/v1/setup`,
      timeout: 90_000, // generous: CI machines here have 2 shared cores
      reuseExistingServer: false,
    },
  ],
});
