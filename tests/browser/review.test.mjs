// The review queue and acting on cases in real Chromium (headless, Debian's) through
// playwright-core, on the database run.sh made (two parking cases waiting for their invitation)
// and review.setup.sh added (four camera cases waiting for review, a reviewer). A reviewer clears
// three hits with the keyboard alone; an officer sends an invitation from a case page; a viewer
// sees no action and a forged POST is refused. Screenshots: review.png, case-actions.png.
// Exit status 1 when a step failed.
import assert from 'node:assert/strict';
import { browser, finish, login, password, shots, step, url } from './lib.mjs';

const waiting = async (page) => Number((await page.textContent('#waiting')).trim());
const hitPlate = async (page) => (await page.textContent('#hit-plate')).trim();
const hitId = async (page) => Number(await page.getAttribute('#hit', 'data-case'));

// The state of case `id` as the API says it (through the page's session).
const stateOf = (page, id) =>
  page.evaluate(async (id) => (await (await fetch(`/api/v1/cases/${id}`)).json()).state, id);

const reviewer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const decided = {};

await step('the reviewer sees the first hit with its evidence, the queue count and the shortcuts', async () => {
  await login(reviewer, 'rita');
  await Promise.all([reviewer.waitForEvent('load'), reviewer.click('nav a[href="/review"]')]);
  assert.equal(new URL(reviewer.url()).pathname, '/review');
  assert.equal(await waiting(reviewer), 4);
  assert.equal(await hitPlate(reviewer), '1TST101');
  const hit = await reviewer.textContent('#hit');
  assert.match(hit, /img\/d1\.jpg/);      // the evidence reference
  assert.match(hit, /CAM01/);
  assert.match(hit, /16\/03\/2026 09:00/);  // the read, Brussels time
  assert.match(hit, /0\.95/);
  assert.match(hit, /Z1/);
  const help = await reviewer.textContent('#shortcuts');
  for (const key of ['a', 'c', 'r', 'n']) assert.ok(help.includes(key));
  await reviewer.screenshot({ path: `${shots}/review.png`, fullPage: true });
});

// The queue goes in case-id order (the store's); the import numbers the cases, so the order is
// read from the API rather than assumed. The misread 1TST10B is corrected, another rejected.
let order = [];

async function correct() {
  decided.corrected = await hitId(reviewer);
  await reviewer.keyboard.press('c');
  assert.equal(await reviewer.evaluate(() => document.activeElement.id), 'plate');
  await reviewer.keyboard.type('1-tst-103');  // the field's text is selected: typing replaces it
  await Promise.all([reviewer.waitForURL(/done=review_done_corrected/), reviewer.keyboard.press('Enter')]);
}

async function reject() {
  decided.rejected = await hitId(reviewer);
  await reviewer.keyboard.press('r');
  assert.equal(await reviewer.evaluate(() => document.activeElement.id), 'reason-code');
  await reviewer.keyboard.press('ArrowDown');
  assert.equal(await reviewer.inputValue('#reason-code'), 'misread');
  await Promise.all([reviewer.waitForURL(/done=review_done_rejected/), reviewer.keyboard.press('Enter')]);
}

await step('a accepts the hit with one key, and the next one appears', async () => {
  order = await reviewer.evaluate(async () =>
    (await (await fetch('/api/v1/cases?state=awaiting_review')).json()).cases
      .sort((x, y) => x.id - y.id).map((c) => c.plate));
  assert.equal(order.length, 4);
  assert.equal(await hitPlate(reviewer), order[0]);
  assert.notEqual(order[0], '1TST10B');  // (else the plan below corrects before it accepts)
  decided.accepted = await hitId(reviewer);
  await Promise.all([reviewer.waitForURL(/done=review_done_accepted/), reviewer.keyboard.press('a')]);
  assert.equal(await waiting(reviewer), 3);
  assert.equal(await hitPlate(reviewer), order[1]);
  assert.match(await reviewer.textContent('#review-message'), /Bevestigd/);
});

await step('n skips to the following hit; c corrects the misread plate (Enter submits), r rejects with a listed reason (arrow keys, Enter)', async () => {
  const skipped = order[1] === '1TST10B' ? order[2] : order[1];
  if (order[1] !== skipped) {
    // 1TST10B came second: correct it first, then skip the next one.
    await correct();
  }
  assert.equal(await hitPlate(reviewer), skipped);
  await Promise.all([reviewer.waitForURL(/after=/), reviewer.keyboard.press('n')]);
  assert.notEqual(await hitPlate(reviewer), skipped);
  for (let i = 0; i < 3 && !(decided.corrected && decided.rejected); ++i) {
    if ((await hitPlate(reviewer)) === '1TST10B') await correct(); else await reject();
  }
  assert.ok(decided.corrected && decided.rejected);
  assert.equal(await waiting(reviewer), 1);
  // The end of the queue: round again to the skipped hit.
  assert.equal(await hitPlate(reviewer), skipped);
});

await step('the three cases moved as the reviewer decided', async () => {
  assert.equal(await stateOf(reviewer, decided.accepted), 'holder_lookup');
  assert.equal(await stateOf(reviewer, decided.corrected), 'holder_lookup');
  assert.equal(await stateOf(reviewer, decided.rejected), 'rejected');
  const corrected = await reviewer.evaluate(async (id) => (await (await fetch(`/api/v1/cases/${id}`)).json()), decided.corrected);
  assert.equal(corrected.plate, '1TST103');
  const rejected = await reviewer.evaluate(async (id) => (await (await fetch(`/api/v1/cases/${id}`)).json()), decided.rejected);
  assert.equal(rejected.plate, '');  // a rejected camera case keeps no plate
  assert.equal(rejected.events.at(-1).reason, 'Nummerplaat verkeerd gelezen');
});

const officer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
let invited = 0;
let other = 0;

await step('the officer sends the invitation from a case page, with its posting day', async () => {
  await login(officer, 'sofie');
  await officer.goto(`${url}/cases?state=invitation_due`);
  const links = officer.locator('tbody tr a');
  assert.equal(await links.count(), 2);
  other = Number((await links.nth(1).getAttribute('href')).split('/').pop());
  await Promise.all([officer.waitForEvent('load'), links.first().click()]);
  invited = Number(new URL(officer.url()).pathname.split('/').pop());
  const forms = officer.locator('form.act');
  const actions = await forms.evaluateAll((fs) => fs.map((f) => f.dataset.action));
  assert.deepEqual(actions, ['send_invitation', 'dismiss']);
  const send = officer.locator('details.case-action', { has: officer.locator('form[data-action=send_invitation]') });
  await send.locator('summary').click();
  assert.equal(await send.locator('input[name=posted]').inputValue(), '2026-03-20');  // today
  await officer.locator('details.case-action', { has: officer.locator('form[data-action=dismiss]') }).locator('summary').click();
  await officer.locator('#actions').screenshot({ path: `${shots}/case-actions.png` });
  await Promise.all([officer.waitForURL(/done=send_invitation/), send.locator('button[type=submit]').click()]);
  assert.match(await officer.textContent('#act-message'), /Geregistreerd: Uitnodiging tot betaling verstuurd/);
  const body = await officer.textContent('body');
  assert.match(body, /Uitgenodigd tot betaling/);  // the new state
  assert.match(await officer.textContent('#timeline'), /Uitnodiging tot betaling verstuurd/);
  assert.equal(await stateOf(officer, invited), 'invited');
  // Invited now: the send form is gone, the defence may be registered.
  const now = await officer.locator('form.act').evaluateAll((fs) => fs.map((f) => f.dataset.action));
  assert.ok(!now.includes('send_invitation'));
  assert.ok(now.includes('register_defence'));
});

await step('a dismissal without a reason is not sent (the form asks for it)', async () => {
  await officer.goto(`${url}/cases/${other}`);
  const dismiss = officer.locator('details.case-action', { has: officer.locator('form[data-action=dismiss]') });
  await dismiss.locator('summary').click();
  await dismiss.locator('button[type=submit]').click();
  assert.equal(new URL(officer.url()).pathname, `/cases/${other}`);
  assert.equal(new URL(officer.url()).search, '');
  assert.equal(await stateOf(officer, other), 'invitation_due');
});

const viewer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await step('a viewer sees no action form and no review link, and a forged POST is refused', async () => {
  await login(viewer, 'vera');
  await viewer.goto(`${url}/cases/${other}`);
  assert.equal(await viewer.locator('form.act').count(), 0);
  assert.match(await viewer.textContent('#actions'), /Uw rol heeft nu geen handelingen/);
  assert.equal(await viewer.locator('nav a[href="/review"]').count(), 0);
  const csrf = await viewer.getAttribute('input[name=csrf]', 'value');
  const post = (path, fields) => viewer.evaluate(async ([path, body]) =>
    (await fetch(path, { method: 'POST', body: new URLSearchParams(body), redirect: 'manual' })).status,
    [path, { csrf, ...fields }]);
  assert.equal(await post(`/cases/${other}/act`, { action: 'send_invitation', posted: '2026-03-20' }), 403);
  const waitingHit = await reviewer.evaluate(async () => (await (await fetch('/api/v1/review/next')).json()).case.id);
  assert.equal(await post(`/review/${waitingHit}/accept`, {}), 403);
  assert.equal((await viewer.goto(`${url}/review`)).status(), 403);
  assert.equal(await stateOf(viewer, other), 'invitation_due');
  assert.equal(await stateOf(viewer, waitingHit), 'awaiting_review');
});

await finish();
