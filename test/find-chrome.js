import { existsSync } from 'node:fs';

/** Where a Chromium or Chrome usually lives; CHROME_PATH wins. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Returns the browser's path, or null when none is installed. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const where = process.env.CHROME_PATH ? ` (CHROME_PATH=${process.env.CHROME_PATH} does not exist)` : '';
export const MISSING_CHROME_MESSAGE = `No Chromium or Chrome found${where}: install one (Debian/Ubuntu: \`sudo apt-get install -y chromium\`) or set CHROME_PATH to its executable.`;

/** Flags for headless Chromium here: no sandbox as root, and no background traffic on a closed network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
