// The contract's screens in Chromium (tests/browser/run.sh contract; data from
// contract.setup.sh: the seed decision or the test one, an indicator bound and one proven
// through the CLI, a year's spending). The officer sees the objectives tree with statuses,
// binds a threshold indicator, uploads evidence, confirms an uncertain item, opens the HTML
// report and downloads the PDF, amends a rubric's title and undoes it; a viewer reads without
// forms and is refused an edit.
import assert from 'node:assert/strict';
import { browser, finish, login, password, shots, step, url } from './lib.mjs';

const year = process.env.HH_CONTRACT_YEAR;
const threshold = process.env.HH_CONTRACT_THRESHOLD;
const existence = process.env.HH_CONTRACT_EXISTENCE;
const bound = process.env.HH_CONTRACT_BOUND;
const proven = process.env.HH_CONTRACT_PROVEN;
const rubric = process.env.HH_CONTRACT_RUBRIC;
const row = (page, key) => page.locator(`tr[data-key="${key}"]`);

const officer = await browser.newPage({ viewport: { width: 1280, height: 900 } });

await step('the contract page shows the tree for the last working year, with the CLI\'s binding and evidence', async () => {
  await login(officer, 'sofie');
  await officer.goto(`${url}/contract`);
  assert.equal(await officer.textContent('h1'), 'Veiligheids- en samenlevingscontract');
  assert.equal(await officer.inputValue('select[name=year]'), year);
  assert.match(await officer.textContent('body'), new RegExp(rubric));
  // Bound to letters sent (none in that year): a count is reported, met, with value 0.
  assert.equal(await row(officer, bound).getAttribute('data-status'), 'met');
  assert.match(await row(officer, bound).textContent(), /Verstuurde GAS-brieven/);
  // The evidence added through the CLI: met, its file linked.
  assert.equal(await row(officer, proven).getAttribute('data-status'), 'met');
  assert.match(await row(officer, proven).textContent(), /Verslag goedgekeurd door het college/);
  assert.equal(await row(officer, threshold).getAttribute('data-status'), 'no_data');
});

await step('the officer binds a threshold indicator: the year is over and nothing counted, not met', async () => {
  // The forms are folded away under the indicator: open them.
  await officer.locator(`tr[data-key="${threshold}"] + tr summary`).click();
  const form = officer.locator(`tr[data-key="${threshold}"] + tr form.bind`);
  await form.locator('select[name=measure]').selectOption('gas.cases.all');
  await Promise.all([officer.waitForEvent('load'), form.locator('button').click()]);
  assert.match(officer.url(), new RegExp(`#i-${threshold.replace(/\./g, '\\.')}$`));
  assert.match(await officer.textContent('.notice'), /Opgeslagen/);
  assert.equal(await row(officer, threshold).getAttribute('data-status'), 'not_met');
  assert.match(await row(officer, threshold).locator('td.status').textContent(), /niet gehaald/);
  assert.match(await row(officer, threshold).textContent(), /GAS-dossiers \(alle\)/);
});

await step('the officer uploads evidence for an existence indicator: met', async () => {
  assert.notEqual(await row(officer, existence).getAttribute('data-status'), 'met');
  await officer.locator(`tr[data-key="${existence}"] + tr summary`).click();
  const form = officer.locator(`tr[data-key="${existence}"] + tr form.evidence`);
  await form.locator('input[name=note]').fill('Plan goedgekeurd door de gemeenteraad');
  await form.locator('input[name=evidence]').setInputFiles({
    name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 plan'),
  });
  await Promise.all([officer.waitForEvent('load'), form.locator('button').click()]);
  assert.equal(await row(officer, existence).getAttribute('data-status'), 'met');
  const link = row(officer, existence).locator('a', { hasText: 'plan.pdf' });
  const href = await link.getAttribute('href');
  const body = await officer.evaluate(async (h) => (await fetch(h)).text(), href);
  assert.equal(body, '%PDF-1.4 plan');
  await officer.goto(`${url}/contract`);
  await officer.setViewportSize({ width: 1280, height: 1500 });
  await officer.screenshot({ path: `${shots}/contract.png` });
  await officer.setViewportSize({ width: 1280, height: 900 });
});

await step('the officer confirms an uncertain item; it moves to the answered ones', async () => {
  const open = officer.locator('table.uncertain tr[data-item]:not(.resolved)');
  const before = await open.count();
  if (before === 0) return;  // the test decision has none
  const first = open.first();
  const item = await first.getAttribute('data-item');
  // Back on /contract?done=1: wait for that URL (a load event may have fired already).
  await Promise.all([officer.waitForURL(/[?&]done=1/), first.locator('button[value=confirm]').click()]);
  assert.equal(await officer.locator('table.uncertain tr[data-item]:not(.resolved)').count(), before - 1);
  assert.match(await officer.locator(`table.uncertain tr.resolved[data-item="${item}"]`).textContent(), /bevestigd \(sofie\)/);
});

await step('the HTML report and the PDF of the year', async () => {
  await officer.goto(`${url}/contract`);
  await Promise.all([officer.waitForEvent('load'), officer.click('a[href^="/contract/report?"]')]);
  assert.match(await officer.textContent('h1'), new RegExp(`Evaluatie van het veiligheids- en samenlevingscontract ${year}`));
  assert.match(await officer.textContent('table.budget tr.total'), /totaal/);
  assert.equal(await officer.locator(`tr[data-key="${threshold}"]`).getAttribute('data-status'), 'not_met');
  await officer.screenshot({ path: `${shots}/contract_report.png` });
  const pdf = await officer.evaluate(async (y) => {
    const r = await fetch(`/contract/report.pdf?year=${y}`);
    const b = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, type: r.headers.get('content-type'), head: String.fromCharCode(...b.slice(0, 5)), size: b.length };
  }, year);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.type, 'application/pdf');
  assert.equal(pdf.head, '%PDF-');
  assert.ok(pdf.size > 5000);
});

await step('the officer amends a rubric\'s title through its Wijzigen link, then undoes it', async () => {
  await officer.goto(`${url}/contract`);
  const heading = officer.locator('section.rubric h2').first();
  const before = (await heading.textContent()).replace(/\s*Wijzigen\s*$/, '');
  await Promise.all([officer.waitForEvent('load'), heading.locator('a.amend').click()]);
  assert.match(officer.url(), /\/contract\/amend\?path=rubric\.[IVX]+\.title/);
  assert.match(await officer.textContent('dd[data-imported]'), /\S/);
  await officer.fill('form.amend textarea[name=value]', 'Toelage (door een persoon verbeterd)');
  await Promise.all([officer.waitForURL(/[?&]done=1/), officer.click('form.amend button[value=amend]')]);
  assert.match(await officer.textContent('.notice'), /Opgeslagen/);
  assert.match(await heading.textContent(), /Toelage \(door een persoon verbeterd\)/);
  await officer.goto(`${url}/contract`);
  const amended = officer.locator('table.amendments tr[data-path]');
  assert.equal(await amended.count(), 1);
  await Promise.all([officer.waitForURL(/[?&]done=1/), amended.locator('button[value=undo]').click()]);
  assert.equal(await officer.locator('table.amendments tr[data-path]').count(), 0);
  assert.equal((await heading.textContent()).replace(/\s*Wijzigen\s*$/, ''), before);
});

const viewer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await step('a viewer reads the contract without forms and is refused an edit', async () => {
  await login(viewer, 'vera');
  await viewer.goto(`${url}/contract`);
  assert.equal(await row(viewer, threshold).getAttribute('data-status'), 'not_met');
  assert.equal(await viewer.locator('form.bind, form.evidence, a.amend').count(), 0);
  const status = await viewer.evaluate(async (k) => {
    const me = await (await fetch('/api/v1/me')).json();
    const r = await fetch('/contract/bind', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `csrf=${me.csrf_token}&indicator=${k}&measure=`,
    });
    return r.status;
  }, threshold);
  assert.equal(status, 403);
});

await finish();
