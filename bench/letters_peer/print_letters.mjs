// The peer of `./dev bench letters` (issue 4): the same payment invitations as HTML, printed to
// A4 PDF by one headless Chromium kept open for the whole batch (Playwright page.pdf), one
// page.setContent + page.pdf per letter, each PDF written to a file.
//
//   node bench/letters_peer/print_letters.mjs --input build/bench-out/letters/peer_input.json \
//        --out build/bench-out/letters/peer [--chromium /usr/bin/chromium]
//
// The input is what hh_letterbench --peer-input writes: per letter the sender and address
// blocks, the expanded template (its blocks' markup is Pango markup: <b> and entities, which
// HTML reads the same), the payment box and the EPC QR code as a PNG. Prints the batch's time
// (Chromium's start shown apart, not counted), then checks one PDF with pdftotext (amount and
// OGM). Exit status 1 when printing or the check fails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

function args(argv) {
  const o = { input: '', out: '', chromium: '/usr/bin/chromium' };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in o) || i + 1 >= argv.length) {
      console.error('usage: print_letters.mjs --input FILE.json --out DIR [--chromium PATH]');
      process.exit(2);
    }
    o[key] = argv[i + 1];
  }
  if (!o.input || !o.out) {
    console.error('print_letters.mjs: --input and --out are required');
    process.exit(2);
  }
  return o;
}

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// The same sheet as src/letters (LetterLayout's defaults): sender top left, the address in the
// right envelope window at 120/54 mm, reference and date lines beside it, body from 100 mm,
// fold marks, the payment box with a 32 mm QR code, the signature.
const CSS = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.25; }
.sheet { position: relative; width: 210mm; min-height: 297mm; padding: 100mm 20mm 20mm 20mm; }
.sender { position: absolute; left: 20mm; top: 15mm; width: 85mm; font-size: 8.5pt; }
.address { position: absolute; left: 120mm; top: 54mm; width: 70mm; height: 30mm; overflow: hidden; }
.refs { position: absolute; left: 20mm; top: 54mm; width: 90mm; font-size: 8.5pt; }
.fold { position: absolute; left: 5mm; width: 4mm; border-top: 0.2mm solid #000; }
h1 { font-size: 12pt; margin: 0 0 4mm 0; }
h2 { font-size: 10pt; margin: 4mm 0 1mm 0; }
p { margin: 0 0 2.5mm 0; }
ul { margin: 0 0 2.5mm 0; padding-left: 6mm; }
.payment { display: flex; gap: 6mm; border: 0.3mm solid #000; padding: 3mm; margin: 3mm 0; break-inside: avoid; }
.payment img { width: 32mm; height: 32mm; image-rendering: pixelated; }
.payment table { border-collapse: collapse; font-size: 10pt; }
.payment td { padding: 0.5mm 2mm 0.5mm 0; vertical-align: top; }
.signature { margin-top: 8mm; break-inside: avoid; }
.pagebreak { break-after: page; }
`;

function html(l) {
  const body = [];
  let list = [];
  const flush = () => {
    if (list.length) body.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const b of l.blocks) {
    if (b.type === 'bullet') {
      list.push(`<li>${b.markup}</li>`);
      continue;
    }
    flush();
    if (b.type === 'heading') body.push(`<h2>${b.markup}</h2>`);
    else if (b.type === 'paragraph') body.push(`<p>${b.markup}</p>`);
    else if (b.type === 'pagebreak') body.push('<div class="pagebreak"></div>');
    else if (b.type === 'signature') {
      body.push(`<div class="signature">${esc(l.signer_name)}<br>${esc(l.signer_title)}</div>`);
    } else if (b.type === 'payment') {
      const p = l.payment;
      body.push(`<div class="payment"><img alt="QR" src="data:image/png;base64,${l.qr_png_base64}">
<table><tr><td>Bedrag</td><td><b>${esc(p.amount)}</b></td></tr>
<tr><td>Uiterlijk op</td><td>${esc(p.due_date)}</td></tr>
<tr><td>Mededeling</td><td><b>${esc(p.ogm)}</b></td></tr>
<tr><td>Rekening</td><td>${esc(p.iban)}</td></tr>
<tr><td>BIC</td><td>${esc(p.bic)}</td></tr>
<tr><td>Begunstigde</td><td>${esc(p.beneficiary)}</td></tr></table></div>`);
    }
  }
  flush();
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>${CSS}</style></head>
<body><div class="sheet">
<div class="fold" style="top:105mm"></div><div class="fold" style="top:148.5mm;width:6mm"></div><div class="fold" style="top:210mm"></div>
<div class="sender">${l.sender.map(esc).join('<br>')}</div>
<div class="refs">Dossiernummer: ${esc(l.case_number)}<br>${esc(l.date_line)}</div>
<div class="address">${l.address.map(esc).join('<br>')}</div>
<h1>${l.title}</h1>
${body.join('\n')}
</div></body></html>`;
}

const o = args(process.argv);
const letters = JSON.parse(fs.readFileSync(o.input, 'utf8')).letters;
fs.mkdirSync(o.out, { recursive: true });
const pdfs = letters.map((l) => path.join(o.out, `${l.case_number.replaceAll('/', '-')}.pdf`));

const l0 = performance.now();
// Flags for a closed network (no background connections) as root (Playwright adds --no-sandbox).
const browser = await chromium.launch({
  executablePath: o.chromium,
  headless: true,
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
const launch = (performance.now() - l0) / 1000;

const t0 = performance.now();
for (let i = 0; i < letters.length; ++i) {
  await page.setContent(html(letters[i]), { waitUntil: 'load' });
  await page.pdf({ path: pdfs[i], format: 'A4', printBackground: true, preferCSSPageSize: true });
}
const secs = (performance.now() - t0) / 1000;
await browser.close();

console.log(`letters: ${letters.length}`);
console.log(`chromium_start_seconds: ${launch.toFixed(3)}`);
console.log(`seconds: ${secs.toFixed(3)}`);
console.log(`ms_per_letter: ${((secs * 1000) / letters.length).toFixed(3)}`);

const at = Math.floor(letters.length / 2);
const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfs[at], '-'], { encoding: 'utf8' });
for (const [what, value] of [['amount', letters[at].payment.amount], ['OGM', letters[at].payment.ogm]]) {
  if (!text.includes(value)) {
    console.error(`print_letters.mjs: ${pdfs[at]}: the text lacks the ${what}`);
    process.exit(1);
  }
}
console.log('check: ok (pdftotext of one letter: amount and OGM)');
