-- Issue 4: letters as sent, payment requests with their structured reference, bank statements
-- and the payments read from them, refunds, payment plans. Amounts are integer cents; days
-- are ISO dates (TEXT, sortable); instants are RFC 3339 UTC text like the case tables.

-- A payment request: what a case asks to be paid, under one structured reference (GAS.md 6.6:
-- "one OGM per payment request"; a reminder reuses its request's reference).
CREATE TABLE payment_requests (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  ogm TEXT NOT NULL UNIQUE,  -- the 12 digits
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  paid_cents INTEGER NOT NULL DEFAULT 0,
  due_on TEXT,               -- the last day to pay, as the letter says
  status TEXT NOT NULL CHECK (status IN ('open', 'partial', 'paid', 'cancelled')),
  created_at TEXT NOT NULL
);
CREATE INDEX payment_requests_case ON payment_requests (case_id);
-- Reconciliation's suggestions: the open or partly paid requests whose balance is an amount
-- (payment_requests_open_with_balance.sql, whose expression and condition this matches).
CREATE INDEX payment_requests_open_balance ON payment_requests (amount_cents - paid_cents)
  WHERE status IN ('open', 'partial');

-- A payment plan (GAS.md 1.4.8: "payment plans exist in practice"): the request's amount in
-- instalments, each with its own last day; the reminder waits for a missed instalment.
CREATE TABLE instalments (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES payment_requests (id),
  due_on TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0)
);
CREATE INDEX instalments_request ON instalments (request_id, due_on);

-- Letters owed by an action that needs a posted letter (send_invitation, start_procedure,
-- decide_fine, ...): `handhaving letters run` renders and records them.
CREATE TABLE letter_queue (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL,
  posted_on TEXT NOT NULL,    -- the posting day the action counted its deadline from
  requested_by TEXT NOT NULL, -- the login of the officer whose action owes the letter
  created_at TEXT NOT NULL
);
CREATE INDEX letter_queue_case ON letter_queue (case_id);

-- One `letters run`: who ran it, when, the print file's hash.
CREATE TABLE letter_runs (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_login TEXT NOT NULL,
  letters INTEGER NOT NULL,
  print_sha256 TEXT NOT NULL
);

-- Every letter exactly as it was sent (GAS.md 6.5): the PDF, its hash, the posting day the
-- deadlines run from and, for a registered letter, its tracking number once known.
CREATE TABLE letters (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  run_id INTEGER REFERENCES letter_runs (id),
  kind TEXT NOT NULL,
  language TEXT NOT NULL,
  recipient TEXT NOT NULL,
  request_id INTEGER REFERENCES payment_requests (id),
  amount_cents INTEGER,
  registered INTEGER NOT NULL DEFAULT 0,
  registered_number TEXT,
  posted_on TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  pages INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  -- Last: SQLite walks a big value's overflow pages to reach the columns after it, so a list of
  -- letters without their PDFs reads none of them.
  pdf BLOB NOT NULL
);
CREATE INDEX letters_case ON letters (case_id);

-- A bank statement imported once: by file content and by (account, number, format, closing
-- day), so the same statement sent again in another file is refused too. The key is a unique
-- index over COALESCE(closing_date, ''), not a UNIQUE constraint, because a constraint holds
-- NULLs distinct and would let a statement without a closing day in twice.
CREATE TABLE bank_statements (
  id INTEGER PRIMARY KEY,
  file_sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  account TEXT NOT NULL,
  number TEXT NOT NULL,
  closing_date TEXT,
  transactions INTEGER NOT NULL,
  warnings TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);
CREATE UNIQUE INDEX bank_statements_key
  ON bank_statements (account, format, number, COALESCE(closing_date, ''));
CREATE INDEX bank_statements_file ON bank_statements (file_sha256);

-- Every credit read from a statement, with what reconciliation made of it.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  statement_id INTEGER NOT NULL REFERENCES bank_statements (id),
  amount_cents INTEGER NOT NULL,
  booking_date TEXT NOT NULL,
  value_date TEXT,
  bank_reference TEXT NOT NULL DEFAULT '',
  ogm TEXT,
  communication TEXT NOT NULL DEFAULT '',
  counterparty_name TEXT NOT NULL DEFAULT '',
  counterparty_account TEXT NOT NULL DEFAULT '',
  request_id INTEGER REFERENCES payment_requests (id),
  -- exact | partial | overpaid | duplicate | after_close | unmatched (the manual queue)
  outcome TEXT NOT NULL,
  assigned_by TEXT,
  assigned_at TEXT
);
CREATE INDEX payments_request ON payments (request_id);
CREATE INDEX payments_unmatched ON payments (id) WHERE outcome = 'unmatched';

-- Money to pay back: an overpayment, a second payment, a payment after the case closed.
CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL REFERENCES payments (id),
  case_id INTEGER REFERENCES cases (id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  created_at TEXT NOT NULL,
  done_at TEXT,
  done_by TEXT
);
CREATE INDEX refunds_open ON refunds (id) WHERE status = 'open';
