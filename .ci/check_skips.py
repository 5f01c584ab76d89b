#!/usr/bin/env python3
"""Prints every skipped test of a ctest run, with its reason, and fails on a
skip that .ci/allowed-skips does not list.

    .ci/check_skips.py RESULTS.xml [ALLOWED]

RESULTS.xml is ctest's --output-junit file, written with the whole output of
each test (--test-output-size-passed/-failed large enough): the QtTest lines
"SKIP   : Class::function(row) reason" are read from it. ALLOWED (default
.ci/allowed-skips) has one skip a line: a glob over "tst_name: Class::function(row)",
then " | " and why that skip is right. '#' starts a comment line.
"""
import fnmatch
import os
import re
import sys
import xml.etree.ElementTree as ET

SKIP = re.compile(r"^SKIP   : (\w+::\w+\((?:[^()]|\([^()]*\))*\))\s?(.*)$")


def allowed_skips(path):
    rules = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            pattern, bar, reason = line.partition(" | ")
            if not bar or not reason.strip():
                sys.exit(f"{path}:{number}: expected 'PATTERN | reason', got: {line}")
            rules.append((pattern.strip(), reason.strip()))
    return rules


def skips(results):
    found = []
    for case in ET.parse(results).getroot().iter("testcase"):
        name = case.get("name", "?")
        out = "".join(e.text or "" for e in case.iter("system-out"))
        lines = [m for m in (SKIP.match(l) for l in out.splitlines()) if m]
        for m in lines:
            found.append((f"{name}: {m.group(1)}", m.group(2).strip() or "(no reason given)"))
        status = case.get("status", "")
        if status in ("notrun", "disabled") and not lines:
            found.append((f"{name}: (the whole test)", f"ctest: {status}"))
    return found


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    results = sys.argv[1]
    allowed = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "allowed-skips")
    rules = allowed_skips(allowed)
    found = skips(results)
    unlisted = 0
    print(f"{len(found)} skipped test(s) in {results}:")
    for test, reason in found:
        rule = next((r for r in rules if fnmatch.fnmatchcase(test, r[0])), None)
        if rule:
            print(f"  skipped  {test}: {reason}  [allowed: {rule[1]}]")
        else:
            unlisted += 1
            print(f"  UNLISTED {test}: {reason}")
    if unlisted:
        print(f"{unlisted} skip(s) not in {allowed}: make the test run, or list the skip there with its reason",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
