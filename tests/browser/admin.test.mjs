// The dashboard, settings and users screens (src/web/app_admin.cpp) in real Chromium, against
// the server tests/browser/run.sh started on the common data (two parking cases) and
// admin.setup.sh's camera reads in two zones. The administrator sees the figures and a drawn
// chart, changes a city setting (a bad value is refused first), and adds a user who then logs
// in; screenshots dashboard.png, settings.png and users.png go to HH_SHOTS.
import assert from 'node:assert/strict';
import { browser, finish, login, password, shots, step, url } from './lib.mjs';

const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// Script errors, console errors (a Content-Security-Policy refusal among them: header.html turns
// htmx's inline indicator <style> off) and failed loads (the favicon among them) of the pages.
const errors = [];
admin.on('pageerror', (e) => errors.push(String(e)));
admin.on('console', (m) => {
  if (m.type() === 'error') errors.push(m.text());
});
admin.on('response', (r) => {
  if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
});

await step('the administrator sees the dashboard figures and the charts drawn', async () => {
  await login(admin, 'bea');
  assert.equal(new URL(admin.url()).pathname, '/dashboard');
  // The camera reads of admin.setup.sh wait for review (27 NOORD + 20 ZUID reads, one case each).
  const review = admin.locator('#figure-review a.figure');
  assert.equal(await review.getAttribute('href'), '/cases?state=awaiting_review');
  const waiting = Number((await review.textContent()).trim());
  assert.ok(waiting >= 40, `review queue ${waiting}`);
  await admin.waitForSelector('#chart-violations canvas', { timeout: 10000 });
  await admin.waitForSelector('#chart-activity canvas', { timeout: 10000 });
  const legend = await admin.textContent('#chart-violations');
  assert.match(legend, /NOORD/);
  assert.match(legend, /ZUID/);
  assert.match(await admin.textContent('#chart-activity'), /Brieven/);
  assert.deepEqual(errors, []);
  // The stats the chart drew: every NOORD read of 19 March is one case.
  const stats = await admin.evaluate(async () => (await fetch('/api/v1/stats/dashboard')).json());
  const noord = stats.violations.zones.find((z) => z.zone_id === 'NOORD');
  assert.equal(noord.counts[stats.violations.days.indexOf('2026-03-19')], 4);
  // The two invitations of admin.setup.sh, in the week of Monday 16 March (the last one).
  assert.equal(stats.weeks.starts.at(-1), '2026-03-16');
  assert.equal(stats.weeks.letters.at(-1), 2);
  await admin.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });
});

await step('a bad setting is refused with its message; a good one is stored and shown', async () => {
  await admin.goto(`${url}/settings`);
  assert.equal(await admin.textContent('h1'), 'Instellingen');
  assert.match(await admin.textContent('#law-amounts'), /€ 58,00/);
  assert.match(await admin.textContent('#law-amounts'), /\[UNVERIFIED\]/);
  assert.match(await admin.textContent('#cameras'), /CAM-N1/);
  const row = admin.locator('tr[id="setting-gas.minimum_age"]');
  await row.locator('input[name=value]').fill('15');
  await Promise.all([admin.waitForEvent('load'), row.locator('button[type=submit]').click()]);
  assert.match(await admin.textContent('#message'), /Niet opgeslagen/);
  assert.match(await admin.textContent('#message'), /minimum_age/);
  const row2 = admin.locator('tr[id="setting-letters.city_name"]');
  await row2.locator('input[name=value]').fill('Stad Proefstad');
  await row2.locator('input[name=source]').fill('gemeenteraad 1 maart 2026');
  await Promise.all([admin.waitForEvent('load'), row2.locator('button[type=submit]').click()]);
  assert.match(await admin.textContent('#message'), /letters\.city_name/);
  const changed = admin.locator('tr.changed');
  assert.equal(await changed.count(), 1);
  assert.equal(await changed.locator('input[name=value]').inputValue(), 'Stad Proefstad');
  await admin.evaluate(() => window.scrollTo(0, 0));
  await admin.screenshot({ path: `${shots}/settings.png` });
});

const newcomer = 'nieuwe.medewerker';
const newPassword = 'een-nieuw-wachtwoord';
await step('the administrator adds a user', async () => {
  await admin.goto(`${url}/users`);
  assert.equal(await admin.textContent('h1'), 'Gebruikers');
  assert.match(await admin.textContent('#users'), /Bea Beheer/);
  await admin.fill('#new-login', newcomer);
  await admin.fill('#new-name', 'Nieuwe Medewerker');
  await admin.selectOption('#new-role', 'reviewer');
  await admin.fill('#new-password', newPassword);
  await Promise.all([admin.waitForEvent('load'), admin.click('#add-user button[type=submit]')]);
  assert.match(await admin.textContent('#message'), /Gebruiker toegevoegd/);
  assert.match(await admin.textContent(`#user-${newcomer.replace('.', '\\.')}`), /Nieuwe Medewerker/);
  await admin.screenshot({ path: `${shots}/users.png`, fullPage: true });
});

await step('the new user logs in and may not see the settings', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await login(page, newcomer, newPassword);
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  assert.match(await page.textContent('body'), /Nieuwe Medewerker/);
  const r = await page.goto(`${url}/settings`);
  assert.equal(r.status(), 403);
  await page.close();
});

await finish();
