// The web application in real Chromium (headless, Debian's) through playwright-core, against a
// server tests/browser/run.sh started on a database it made: two parking cases waiting for
// their invitation, users of three roles. Each step asserts what a wrong program would get wrong
// (the plates and holder of the cases, the language, the refusals); screenshots of the main
// screens go to HH_SHOTS. Exit status 1 when a step failed.
import assert from 'node:assert/strict';
import { browser, finish, login, password, shots, step, url } from './lib.mjs';

const officer = await browser.newPage({ viewport: { width: 1280, height: 800 } });

await step('without a session a page sends the browser to the login form, in Dutch', async () => {
  const r = await officer.goto(`${url}/cases`);
  assert.ok(r.ok());
  assert.match(new URL(officer.url()).pathname, /^\/login$/);
  assert.equal(await officer.textContent('h1'), 'Aanmelden');
  await officer.screenshot({ path: `${shots}/login.png` });
});

await step('a wrong password is refused with the message, and no session', async () => {
  await login(officer, 'sofie', 'niet-het-wachtwoord');
  assert.match(await officer.textContent('body'), /Gebruikersnaam of wachtwoord is onjuist/);
  const cookies = await officer.context().cookies();
  assert.ok(!cookies.some((c) => c.name === 'hh_session'));
});

await step('the officer logs in and sees the dashboard with the two cases', async () => {
  await login(officer, 'sofie');
  assert.equal(new URL(officer.url()).pathname, '/dashboard');
  const body = await officer.textContent('body');
  assert.match(body, /Sofie Sanctie/);
  assert.match(body, /Uitnodiging te versturen/);  // invitation_due, as i18n.tsv says it
  assert.equal((await officer.textContent('tfoot td.number')).trim(), '2');
  const session = (await officer.context().cookies()).find((c) => c.name === 'hh_session');
  assert.ok(session && session.httpOnly && session.sameSite === 'Strict');
  await officer.screenshot({ path: `${shots}/dashboard.png` });
});

await step('the case list filters by plate and a case page shows its facts and holder', async () => {
  await officer.goto(`${url}/cases`);
  assert.equal(await officer.locator('tbody tr').count(), 2);
  await officer.screenshot({ path: `${shots}/cases.png` });
  await officer.fill('input[name=plate]', '2TST602');
  await Promise.all([officer.waitForURL(/plate=2TST602/), officer.click('form.filters button[type=submit]')]);
  const rows = officer.locator('tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), /2TST602/);
  assert.match(await rows.first().textContent(), /Proefpersoon Twee/);
  await Promise.all([officer.waitForEvent('load'), rows.first().locator('a').first().click()]);
  assert.match(await officer.textContent('h1'), /^Dossier PK\/2026\/\d{6}$/);
  const body = await officer.textContent('body');
  assert.match(body, /Proefpersoon Twee/);
  assert.match(body, /€ 58,00/);
  assert.match(body, /18\/03\/2026/);  // the facts, dd/mm/jjjj
  await officer.screenshot({ path: `${shots}/case.png`, fullPage: true });
});

await step('French through the language link', async () => {
  await officer.goto(`${url}/cases`);
  await Promise.all([officer.waitForEvent('load'), officer.click('a[hreflang=fr]')]);
  assert.equal(await officer.getAttribute('html', 'lang'), 'fr');
  assert.match(await officer.textContent('body'), /Déconnexion|Se déconnecter/);
  await Promise.all([officer.waitForEvent('load'), officer.click('a[hreflang=nl]')]);
  assert.equal(await officer.getAttribute('html', 'lang'), 'nl');
});

await step('a state change without the CSRF token is refused', async () => {
  const status = await officer.evaluate(async () => (await fetch('/logout', { method: 'POST' })).status);
  assert.equal(status, 403);
  // Still logged in.
  await officer.goto(`${url}/dashboard`);
  assert.equal(new URL(officer.url()).pathname, '/dashboard');
});

const viewer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await step('a viewer may read cases but not the audit log', async () => {
  await login(viewer, 'vera');
  assert.equal(new URL(viewer.url()).pathname, '/dashboard');
  const r = await viewer.goto(`${url}/audit`);
  assert.equal(r.status(), 403);
  assert.match(await viewer.textContent('body'), /Uw rol laat deze handeling niet toe/);
});

const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await step('the administrator finds the officer\'s case view in the audit log', async () => {
  await login(admin, 'bea');
  const r = await admin.goto(`${url}/audit`);
  assert.equal(r.status(), 200);
  const body = await admin.textContent('body');
  assert.match(body, /sofie/);
  assert.match(body, /view_case/);
  await admin.screenshot({ path: `${shots}/audit.png`, fullPage: true });
});

await step('logging out ends the session', async () => {
  await officer.goto(`${url}/dashboard`);
  await Promise.all([officer.waitForEvent('load'), officer.click('header form.inline button[type=submit]')]);
  await officer.goto(`${url}/cases`);
  assert.match(new URL(officer.url()).pathname, /^\/login$/);
});

await finish();
