#!/usr/bin/env bash
# packaging.sh BUILD_DIR APP_ID gui|nogui
# Installs the build into a temporary prefix and checks what is there: the two
# programs, the desktop entry, the AppStream metainfo, the icon and the man
# pages, each with its validator; then builds the .deb with cpack and checks
# its control fields. Needs no network, root or display; removes what it made.
# Exit status: 0 passed, 1 failed, 77 skipped (a validator is not installed).
set -uo pipefail
build=$1 id=$2 gui=$3
failures=0 skipped=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }
skip() { echo "SKIP: $* (the Debian packages are in .ci/setup)"; skipped=$((skipped + 1)); }
have() { command -v "$1" >/dev/null 2>&1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ringscope-packaging.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

# 1. cmake --install
if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"
  fail "cmake --install $build --prefix $prefix"
  exit 1
fi
pass "cmake --install: $(grep -c '^-- Installing' "$tmp/install.log") files"

desktop=share/applications/$id.desktop
metainfo=share/metainfo/$id.metainfo.xml
icon=share/icons/hicolor/scalable/apps/$id.svg
expected=(bin/ringscope-cli share/man/man1/ringscope-cli.1.gz share/doc/ringscope/copyright share/doc/ringscope/changelog.gz)
[ "$gui" = gui ] && expected+=(bin/ringscope "$desktop" "$metainfo" "$icon" share/man/man1/ringscope.1.gz)
for f in "${expected[@]}"; do
  if [ -s "$prefix/$f" ]; then pass "installed $f"; else fail "not installed: $f"; fi
done
for f in bin/ringscope-cli bin/ringscope; do
  [ -e "$prefix/$f" ] && { [ -x "$prefix/$f" ] || fail "$f is not executable"; }
done

if [ "$gui" = gui ]; then
  # 2. The desktop entry: valid, and naming the program and the icon by the id.
  if have desktop-file-validate; then
    # Hints (several main categories) are advice; errors and warnings fail.
    out=$(desktop-file-validate "$prefix/$desktop" 2>&1); rc=$?
    if [ $rc -ne 0 ] || grep -qE ': (error|warning):' <<<"$out"; then
      fail "desktop-file-validate: $out"
    else
      pass "desktop-file-validate"
    fi
  else
    skip "desktop-file-validate not installed (desktop-file-utils)"
  fi
  grep -qx "Icon=$id" "$prefix/$desktop" || fail "the desktop entry's Icon is not $id"
  grep -qx "Exec=ringscope" "$prefix/$desktop" || fail "the desktop entry does not run ringscope"

  # 3. The metainfo: valid offline, and launching the desktop entry.
  if have appstreamcli; then
    if out=$(appstreamcli validate --no-net "$prefix/$metainfo" 2>&1); then
      pass "appstreamcli validate --no-net"
    else
      fail "appstreamcli validate --no-net: $out"
    fi
  else
    skip "appstreamcli not installed (appstream)"
  fi
  grep -q "<id>$id</id>" "$prefix/$metainfo" || fail "the metainfo's id is not $id"
  grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$prefix/$metainfo" \
    || fail "the metainfo does not launch $id.desktop"

  # 4. The icon is SVG.
  grep -q '<svg' "$prefix/$icon" || fail "$icon is not an SVG"
fi

# 5. The man pages render without a warning.
if have man; then
  for page in "$prefix"/share/man/man1/*.1.gz; do
    if ! warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) || [ -n "$warnings" ]; then
      fail "man --warnings -l $(basename "$page"): $warnings"
    elif ! MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q '^SYNOPSIS'; then
      fail "man -l $(basename "$page") has no SYNOPSIS"
    else
      pass "man --warnings -l $(basename "$page")"
    fi
  done
else
  skip "man not installed (man-db)"
fi

# 6. The .deb: cpack into a temporary directory, then its control fields.
if have dpkg-deb && have dpkg-shlibdeps && have cpack; then
  if cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/cpack" >"$tmp/cpack.log" 2>&1; then
    debs=("$tmp"/cpack/ringscope_*.deb)
    deb=${debs[0]}
    if [ -f "$deb" ]; then
      pass "cpack -G DEB: $(basename "$deb")"
      [ "$(dpkg-deb -f "$deb" Package)" = ringscope ] || fail "Package is not ringscope"
      depends=$(dpkg-deb -f "$deb" Depends)
      recommends=$(dpkg-deb -f "$deb" Recommends)
      echo "Depends: $depends"
      echo "Recommends: $recommends"
      grep -qw libssl3 <<<"$depends" || fail "Depends does not name libssl3 (dpkg-shlibdeps)"
      if [ "$gui" = gui ]; then
        grep -qw libqt6widgets6 <<<"$depends" || fail "Depends does not name libqt6widgets6"
        grep -qw libqt6svg6 <<<"$depends" || fail "Depends does not name libqt6svg6 (the SVG icon)"
      fi
      grep -qw memcached <<<"$recommends" || fail "Recommends does not name memcached"
      dpkg-deb -c "$deb" >"$tmp/contents" || fail "dpkg-deb -c"
      for f in "${expected[@]}"; do
        grep -q "\./usr/$f\$" "$tmp/contents" || fail "the .deb has no /usr/$f"
      done
    else
      fail "cpack made no ringscope_*.deb"; cat "$tmp/cpack.log"
    fi
  else
    cat "$tmp/cpack.log"
    fail "cpack -G DEB"
  fi
else
  skip "dpkg-deb, dpkg-shlibdeps or cpack not installed (dpkg-dev)"
fi

echo "packaging: $failures failed, $skipped skipped"
[ $failures -gt 0 ] && exit 1
[ $skipped -gt 0 ] && exit 77
exit 0
