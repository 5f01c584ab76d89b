#!/usr/bin/env python3
"""The ctest test `translations`: the committed .ts files are complete and up to date.

Fails when a committed translation file
  - has a message that is unfinished, vanished or obsolete, or an empty translation;
  - loses or adds a %1-style placeholder (or %n) against the source text, drops
    a keyboard accelerator (&X) the source has, or changes its HTML tags;
  - makes lrelease report untranslated messages;
  - lacks a message that the sources have now (lupdate over the same files into
    a temporary .ts), so a new tr() string fails here until it is translated.
Standard library only; no display, no network; runs in about a second.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

UPDATE_HINT = ("run `cmake --build build/dev --target update_translations` and translate them "
               "(Qt Linguist, or edit the .ts: fill <translation> and drop type=\"unfinished\")")

PLACEHOLDER = re.compile(r"%L?(\d{1,2}|n)")
# &X is an accelerator; && is a literal ampersand; &amp; and the like are entities.
ACCELERATOR = re.compile(r"&(?!&)(?![A-Za-z]+;|#\d+;)(?=\S)")
TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)[^>]*>")


def messages(path):
    """(context, source, comment, numerus, translation element) for each message of a .ts."""
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            yield (name, m.findtext("source") or "", m.findtext("comment") or "",
                   m.get("numerus") == "yes", m.find("translation"))


def key_text(key):
    context, source, comment, numerus = key
    extra = f" [comment: {comment}]" if comment else ""
    return f"  {context}: {source!r}{extra}{' (plural)' if numerus else ''}"


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def strip_doubled(text):
    return text.replace("&&", "")


def check_file(path):
    problems = []
    keys = set()
    for context, source, comment, numerus, tr in messages(path):
        key = (context, source, comment, numerus)
        where = key_text(key)
        kind = tr.get("type") if tr is not None else "missing"
        if kind in ("vanished", "obsolete"):
            problems.append(f"{where}\n    is {kind}: remove it (the target update_translations "
                            "runs lupdate -no-obsolete, which does)")
            continue
        keys.add(key)
        if kind == "unfinished" or kind == "missing":
            problems.append(f"{where}\n    is not translated (type=\"{kind}\")")
            continue
        forms = [f.text or "" for f in tr.iter("numerusform")] if numerus else [tr.text or ""]
        if not forms or any(not f.strip() for f in forms):
            problems.append(f"{where}\n    has an empty translation")
            continue
        want = placeholders(source)
        for form in forms:
            got = placeholders(form)
            # A plural form may leave %n out only where it is one of several (e.g. "один ключ").
            if numerus and "n" in want and "n" not in got and len(forms) > 1:
                got = sorted(set(got) | {"n"})
            if got != want:
                problems.append(f"{where}\n    placeholders differ: source {want}, translation {got}: {form!r}")
            if ACCELERATOR.search(strip_doubled(source)) and not ACCELERATOR.search(strip_doubled(form)):
                problems.append(f"{where}\n    the source has a keyboard accelerator (&), the translation none: {form!r}")
            if sorted(t.lower() for t in TAG.findall(source)) != sorted(t.lower() for t in TAG.findall(form)):
                problems.append(f"{where}\n    HTML tags differ from the source's: {form!r}")
    return keys, problems


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    return p.returncode, p.stdout


def check_lrelease(lrelease, path, tmp):
    problems = []
    qm = os.path.join(tmp, os.path.basename(path) + ".qm")
    rc, out = run([lrelease, path, "-qm", qm])
    if rc != 0:
        return [f"lrelease {path} failed ({rc}):\n{out}"]
    m = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)", out)
    if not m:
        problems.append(f"lrelease printed no 'Generated N translation(s)' line:\n{out}")
    elif int(m.group(3)) != 0:
        problems.append(f"lrelease: {m.group(0)}")
    ignored = re.search(r"Ignored (\d+) untranslated source text\(s\)", out)
    if ignored:
        problems.append(f"lrelease: {ignored.group(0)}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lupdate", required=True)
    ap.add_argument("--lrelease", required=True)
    ap.add_argument("--sources", required=True, help="file listing the sources lupdate reads, one a line")
    ap.add_argument("--include", action="append", default=[])
    ap.add_argument("--plural-only", default="", help="the English plural-only .ts, if the project has one")
    ap.add_argument("ts", nargs="+")
    args = ap.parse_args()

    failures = []
    with open(args.sources, encoding="utf-8") as f:
        sources = [line.strip() for line in f if line.strip()]
    with tempfile.TemporaryDirectory(prefix="ringscope-i18n-") as tmp:
        # What the sources say now: lupdate over the same files, into a fresh .ts.
        fresh = os.path.join(tmp, "current.ts")
        rc, out = run([args.lupdate, "-no-obsolete", "-locations", "none", "-silent"]
                      + [f"-I{i}" for i in args.include] + sources + ["-ts", fresh])
        if rc != 0 or not os.path.exists(fresh):
            print(f"FAIL: lupdate over the sources failed ({rc}):\n{out}")
            return 1
        current = {(c, s, cm, n) for c, s, cm, n, _ in messages(fresh)}
        plural = {k for k in current if k[3]}
        print(f"{len(sources)} source files, {len(current)} messages in the sources ({len(plural)} plural)")

        targets = [(path, False) for path in args.ts]
        if args.plural_only:
            targets.append((args.plural_only, True))
        elif plural:
            failures.append(
                "The sources use tr(text, comment, n) but there is no English plural-only file:\n"
                + "\n".join(key_text(k) for k in sorted(plural))
                + "\n  create it once with\n    printf '<?xml version=\"1.0\" encoding=\"utf-8\"?>\\n"
                "<!DOCTYPE TS>\\n<TS version=\"2.1\" language=\"en\" sourcelanguage=\"en\"/>\\n' "
                "> resources/translations/ringscope_en.ts\n"
                "  (cmake/Translations.cmake then runs lupdate -pluralonly on it), "
                + UPDATE_HINT)

        for path, plural_only in targets:
            name = os.path.relpath(path)
            if not os.path.exists(path):
                failures.append(f"{name} does not exist: {UPDATE_HINT}")
                continue
            keys, problems = check_file(path)
            for p in problems:
                failures.append(f"{name}:\n{p}")
            wanted = plural if plural_only else current
            new = sorted(wanted - keys)
            if new:
                failures.append(f"{name} lacks {len(new)} message(s) that the sources have:\n"
                                + "\n".join(key_text(k) for k in new) + f"\n  {UPDATE_HINT}")
            stale = sorted(keys - wanted)
            if stale:
                print(f"note: {name} has {len(stale)} message(s) the sources no longer have "
                      "(harmless; update_translations removes them)")
            if keys:
                failures += [f"{name}: {p}" for p in check_lrelease(args.lrelease, path, tmp)]
            print(f"{name}: {len(keys)} messages checked")

    if failures:
        print(f"\nFAIL: {len(failures)} problem(s)\n")
        print("\n\n".join(failures))
        return 1
    print("OK: every message is translated and the translations are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
