// Letters and payments in real Chromium (tests/browser/run.sh NAME billing): the sanctioning
// officer runs the letters on /letters and downloads a letter's PDF from its case page (the
// stored bytes: %PDF, and with pdftotext the case's +++OGM+++); a finance user uploads a CODA
// file (scripts/coda.py) paying that letter on /payments and sees the case paid; a payment
// without a reference waits in the unmatched queue; a viewer is refused the letters.
// Screenshots letters.png and payments.png go to HH_SHOTS.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browser, finish, login, password, shots, step, url } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'hh-billing-'));
// The case page of the case with `plate`, through the case list.
async function openCase(page, plate) {
  await page.goto(`${url}/cases?plate=${plate}`);
  const rows = page.locator('tbody tr');
  assert.equal(await rows.count(), 1);
  await Promise.all([page.waitForEvent('load'), rows.first().locator('a').first().click()]);
  assert.match(await page.textContent('h1'), /^Dossier PK\/2026\/\d{6}$/);
}

const officer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
let ogm = '';

await step('the officer sees both cases due and runs the letters', async () => {
  await login(officer, 'sofie');
  await officer.goto(`${url}/letters`);
  assert.equal(await officer.textContent('h1'), 'Brieven');
  assert.match(await officer.textContent('body'), /Uitnodiging te versturen/);
  assert.equal(await officer.locator('#runs tbody tr').first().textContent().then((t) => /Nog geen brieven/.test(t)), true);
  await Promise.all([officer.waitForEvent('load'), officer.click('form.letters-run button[type=submit]')]);
  assert.equal(new URL(officer.url()).pathname, '/letters');
  assert.match(await officer.textContent('p.done'), /Reeks 1: 2 brieven verstuurd/);
  const run = officer.locator('#runs tbody tr').first();
  assert.match(await run.textContent(), /sofie/);
  assert.equal((await run.locator('td.number').textContent()).trim(), '2');
  assert.equal(await run.locator('a[href="/letters/runs/1/zip"]').count(), 1);
  await officer.screenshot({ path: `${shots}/letters.png`, fullPage: true });
});

await step('the letter PDF from the case page is the stored one, with the case\'s reference', async () => {
  await openCase(officer, '1TST501');
  const letter = officer.locator('#letters tbody tr').first();
  assert.match(await letter.textContent(), /payment_invitation/);
  assert.match(await letter.textContent(), /20\/03\/2026/);
  ogm = (await letter.locator('td.ogm').textContent()).trim();
  assert.match(ogm, /^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
  const sha = (await letter.locator('code.hash').textContent()).trim();
  const href = await letter.locator('a.letter-pdf').getAttribute('href');
  const r = await officer.request.get(`${url}${href}`);
  assert.equal(r.status(), 200);
  assert.equal(r.headers()['content-type'], 'application/pdf');
  const bytes = await r.body();
  assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF');
  const { createHash } = await import('node:crypto');
  assert.equal(createHash('sha256').update(bytes).digest('hex'), sha);
  const file = join(work, 'letter.pdf');
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  assert.ok(text.includes(ogm), `the PDF shows ${ogm}`);
  assert.match(text, /Testhouder Een/);
  // The request is open, nothing paid yet.
  assert.match(await officer.textContent('#payments td.request-status'), /Open/);
});

const finance = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();

await step('a finance user uploads a CODA file paying that letter and sees the case paid', async () => {
  const coda = join(work, 'statement-001.cod');
  execFileSync('python3', [join(root, 'scripts', 'coda.py'), coda, '--day', '2026-03-20',
    `58.00|${ogm}|Testhouder Een`, '58.00|GAS boete parkeren|Proefpersoon Twee']);
  await login(finance, 'fien');
  await finance.goto(`${url}/payments`);
  assert.equal(await finance.textContent('h1'), 'Betalingen');
  await finance.setInputFiles('input[name=statement]', coda);
  await Promise.all([finance.waitForEvent('load'), finance.click('form.upload button[type=submit]')]);
  assert.equal((await finance.textContent('#count-exact')).trim(), '1');
  assert.equal((await finance.textContent('#count-unmatched')).trim(), '1');
  // The payment without a reference waits, with the other case suggested (same balance).
  const queued = finance.locator('#unmatched tbody tr');
  assert.equal(await queued.count(), 1);
  assert.match(await queued.first().textContent(), /GAS boete parkeren/);
  assert.match(await queued.first().textContent(), /PK\/2026\/\d{6}/);
  await finance.screenshot({ path: `${shots}/payments.png`, fullPage: true });
  await openCase(finance, '1TST501');
  assert.match(await finance.textContent('#payments td.request-status'), /Betaald/);
  assert.match(await finance.textContent('#payments'), /exact/);
});

await step('the same statement again is refused, and nothing is added', async () => {
  await finance.goto(`${url}/payments`);
  await finance.setInputFiles('input[name=statement]', join(work, 'statement-001.cod'));
  await Promise.all([finance.waitForEvent('load'), finance.click('form.upload button[type=submit]')]);
  assert.match(await finance.textContent('p.error'), /Dit uittreksel werd al ingelezen/);
  assert.equal(await finance.locator('#unmatched tbody tr').count(), 1);
});

await step('the unmatched payment is assigned by hand to the suggested case', async () => {
  await finance.goto(`${url}/payments`);
  await Promise.all([finance.waitForEvent('load'), finance.locator('#unmatched form.inline button').first().click()]);
  assert.match(await finance.textContent('p.done'), /De betaling is toegewezen/);
  assert.match(await finance.textContent('#unmatched'), /Alle betalingen zijn toegewezen/);
  await openCase(finance, '2TST602');
  assert.match(await finance.textContent('#payments td.request-status'), /Betaald/);
});

await step('a viewer may not open the letters or a letter', async () => {
  const viewer = await (await browser.newContext()).newPage();
  await login(viewer, 'vera');
  const r = await viewer.goto(`${url}/letters`);
  assert.equal(r.status(), 403);
  const pdf = await viewer.request.get(`${url}/letters/1/pdf`);
  assert.equal(pdf.status(), 403);
});

await finish();
