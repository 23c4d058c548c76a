// What every browser test shares (tests/browser/run.sh starts the server and sets the
// environment): the server's address, the common password and the screenshot folder; Debian's
// Chromium; `step`, which runs one named check, prints ok or FAILED with the error and goes on
// to the next; `login` through the login form; `finish`, which closes the browser and exits 1
// when a step failed. A click that loads a page is awaited with `page.waitForEvent('load')`
// started before the click: `waitForLoadState('load')` is already satisfied by the page the
// click leaves, so the next line could read that page (flaky under load).
import { chromium } from 'playwright-core';

export const url = process.env.HH_URL;
export const password = process.env.HH_PASSWORD;
export const shots = process.env.HH_SHOTS;

export const browser = await chromium.launch({
  executablePath: process.env.HH_CHROMIUM,
  args: ['--no-sandbox'],  // CI runs as root
});

let failed = false;

export async function step(name, fn) {
  try {
    await fn();
    console.log(`ok: ${name}`);
  } catch (e) {
    failed = true;
    console.log(`FAILED: ${name}\n${e.stack || e}`);
  }
}

export async function login(page, user, pass = password) {
  await page.goto(`${url}/login`);
  await page.fill('#login', user);
  await page.fill('#password', pass);
  await Promise.all([page.waitForEvent('load'), page.click('form.login button[type=submit], form button[type=submit]')]);
}

export async function finish() {
  await browser.close();
  process.exit(failed ? 1 : 0);
}
