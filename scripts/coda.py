#!/usr/bin/env python3
"""Writes a CODA 2 statement of credits to the city's account, for the demo and the browser test
(synthetic data only). The record layout is the one src/bank/coda.cpp reads and
bench/reconcile.cpp writes (Febelfin CODA 2.x: records 0, 1, 2.1 + 2.3, 8, 9; 128 characters).

  python3 scripts/coda.py OUT --day 2026-04-10 [--number 1] [--account IBAN] CREDIT...

CREDIT is AMOUNT|COMMUNICATION|NAME: AMOUNT in euro ("58.00"); COMMUNICATION a structured
reference (+++123/4567/89012+++ or its 12 digits) or free text; NAME the payer.
"""
import argparse
import re
import sys


def rec(kind, fields):
    s = [" "] * 128
    s[0] = kind
    for pos, value in fields:
        for i, ch in enumerate(value):
            if pos - 1 + i < 128:
                s[pos - 1 + i] = ch
    return "".join(s)


def amount(cents):
    return "%015d" % (cents * 10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--day", required=True, help="booking day YYYY-MM-DD")
    ap.add_argument("--number", type=int, default=1, help="statement number (1-999)")
    ap.add_argument("--account", default="BE71096123456769", help="the city's IBAN (letters.iban)")
    ap.add_argument("credits", nargs="+")
    a = ap.parse_args()
    y, m, d = a.day.split("-")
    day = d + m + y[2:]
    n3 = "%03d" % a.number
    lines = [rec("0", [(2, "0000"), (6, day), (12, "539"), (15, "05"), (35, "STAD MECHELEN"), (128, "2")]),
             rec("1", [(2, "2"), (3, n3), (6, a.account), (40, "EUR"), (43, "0"), (44, amount(0)), (59, day),
                       (65, "STAD MECHELEN"), (126, n3)])]
    total = 0
    for seq, credit in enumerate(a.credits, start=1):
        parts = credit.split("|")
        if len(parts) != 3:
            sys.exit("coda.py: a credit is AMOUNT|COMMUNICATION|NAME: " + credit)
        euro, comm, name = parts
        cents = round(float(euro) * 100)
        digits = re.sub(r"[^0-9]", "", comm)
        structured = len(digits) == 12 and (comm.startswith("+++") or comm == digits)
        communication = "101" + digits if structured else comm
        lines.append(rec("2", [(2, "1"), (3, "%04d" % seq), (7, "0000"), (11, "DEMO%s%05d" % (n3, seq)), (32, "0"),
                               (33, amount(cents)), (48, day), (54, "00150000"), (62, "1" if structured else "0"),
                               (63, communication), (116, day), (122, n3), (125, "0"), (126, "1"), (128, "0")]))
        lines.append(rec("2", [(2, "3"), (3, "%04d" % seq), (7, "0000"), (11, "BE68539007547034"), (48, name),
                               (126, "0"), (128, "0")]))
        total += cents
    lines.append(rec("8", [(2, n3), (5, a.account), (39, "EUR"), (42, "0"), (43, amount(total)), (58, day), (128, "0")]))
    lines.append(rec("9", [(17, "%06d" % (len(lines) - 1)), (23, amount(0)), (38, amount(total)), (128, "2")]))
    with open(a.out, "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
