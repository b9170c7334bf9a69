#!/bin/sh
# Ships skillkit the way users get it and checks what arrives:
#  1. `cmake --install` into a temporary prefix puts the binary, libraries, headers, package
#     config, man page and completions in place;
#  2. a project outside the tree finds it with find_package(skillkit), links the static
#     libraries (their link dependencies come along) and gets the CLI's exact results;
#  3. `cpack -G DEB` builds a .deb whose Depends names the shared libraries and whose files are
#     where Debian expects them.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR [CMAKE] [CPACK]   (ctest: -L install)
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
cmake=${3:-cmake}
cpack=${4:-cpack}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/skillkit-ship-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
step() { echo "== $*"; }

step "build what install copies (the man page and completions)"
nice -n 10 "$cmake" --build "$build" --target skillkit_docs >/dev/null

step "cmake --install --prefix $tmp/prefix"
prefix=$tmp/prefix
"$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log"
for f in bin/skillkit libexec/skillkit/skillkit-full \
  lib/libskillkit_core.a lib/libskillkit_rules.a lib/libskillkit_lint.a lib/libskillkit_pack.a \
  lib/libskillkit_migrate.a lib/libskillkit_upload.a lib/libskillkit_sync.a \
  include/skillkit/skillkit/skill.h include/skillkit/lint/engine.h include/skillkit/pack/pack.h \
  include/skillkit/upload/sync.h \
  lib/cmake/skillkit/skillkitConfig.cmake lib/cmake/skillkit/skillkitConfigVersion.cmake \
  lib/cmake/skillkit/skillkitTargets.cmake \
  share/man/man1/skillkit.1 share/bash-completion/completions/skillkit \
  share/zsh/vendor-completions/_skillkit; do
  [ -f "$prefix/$f" ] || fail "cmake --install did not install $f"
done
[ ! -e "$prefix/include/skillkit/upload/emulator" ] || fail "the test emulator's headers are installed"
[ ! -e "$prefix/include/skillkit/tests" ] || fail "test headers are installed"
want=$("$build/cli/skillkit" --version)
got=$("$prefix/bin/skillkit" --version)
[ "$got" = "$want" ] || fail "installed --version is '$got', built is '$want'"
# The source tree must not leak into the exported targets (install(EXPORT) would refuse it,
# and a consumer would silently compile against this checkout).
if grep -q "$src" "$prefix"/lib/cmake/skillkit/*.cmake; then fail "exported targets name $src"; fi
for dep in Threads fmt yaml-cpp nlohmann_json CURL OpenSSL PkgConfig; do
  grep -q "^find_dependency($dep)$" "$prefix/lib/cmake/skillkit/skillkitConfig.cmake" ||
    fail "skillkitConfig.cmake lacks find_dependency($dep)"
done
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$prefix/share/man/man1/skillkit.1" 2>&1)
  [ -z "$warnings" ] || fail "the man page has groff warnings: $warnings"
fi
bash -n "$prefix/share/bash-completion/completions/skillkit" || fail "bash completion does not parse"

step "consumer: find_package(skillkit) from the prefix"
"$cmake" -S "$src/tests/ship/consumer" -B "$tmp/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >"$tmp/consumer.log" 2>&1 ||
  { cat "$tmp/consumer.log"; fail "the consumer does not configure"; }
grep -qx "skillkit_DIR:PATH=$prefix/lib/cmake/skillkit" "$tmp/consumer/CMakeCache.txt" ||
  fail "the consumer found skillkit somewhere else: $(grep skillkit_DIR "$tmp/consumer/CMakeCache.txt")"
nice -n 10 "$cmake" --build "$tmp/consumer" >>"$tmp/consumer.log" 2>&1 ||
  { cat "$tmp/consumer.log"; fail "the consumer does not build"; }
cd "$src/testdata/cli"
"$tmp/consumer/consumer" lint skills/bad-fields >"$tmp/lib.json" || fail "consumer lint failed"
"$prefix/bin/skillkit" lint --format json skills/bad-fields >"$tmp/cli.json" && fail "bad-fields lints clean"
grep -q '"rule": "SK' "$tmp/cli.json" || fail "no findings in $tmp/cli.json"
cmp "$tmp/lib.json" "$tmp/cli.json" || fail "the library and the CLI disagree on skills/bad-fields"
cd "$src/examples"
lib_sha=$("$tmp/consumer/consumer" pack s3-access-denied) || fail "consumer pack failed"
cli_sha=$("$prefix/bin/skillkit" pack -o - s3-access-denied | sha256sum | cut -d' ' -f1)
[ "$lib_sha" = "$cli_sha" ] || fail "library zip sha256 $lib_sha, CLI zip sha256 $cli_sha"

step "cpack -G DEB"
cd "$build"
"$cpack" -G DEB -B "$tmp/deb" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack failed"; }
set -- "$tmp"/deb/skillkit_*.deb
[ $# -eq 1 ] && [ -f "$1" ] || fail "cpack made no single skillkit_*.deb: $*"
deb=$1
dpkg-deb -f "$deb" Package Version Architecture >"$tmp/fields"
printf 'Package: skillkit\nVersion: %s\nArchitecture: %s\n' \
  "$("$build/cli/skillkit" --version | cut -d' ' -f2)" "$(dpkg --print-architecture)" >"$tmp/want"
diff "$tmp/want" "$tmp/fields" || fail "wrong package fields"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# One entry per shared library the binary loads (names carry the soname, versions vary).
for lib in 'libyaml-cpp[0-9.]*' 'libcmark-gfm[0-9][0-9a-z.]*' 'libcmark-gfm-extensions[0-9][0-9a-z.]*' \
  'libzip[0-9]+' 'libcurl[34]' 'libssl[0-9]+' 'libfmt[0-9]+' 'libunistring[0-9]+' 'libstdc\+\+6' \
  'libc6'; do
  echo "$depends" | tr ',' '\n' | grep -Eq "^ *$lib( |$)" || fail "Depends lacks $lib"
done
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/contents"
for f in ./usr/bin/skillkit ./usr/libexec/skillkit/skillkit-full ./usr/share/man/man1/skillkit.1 \
  ./usr/share/bash-completion/completions/skillkit ./usr/share/zsh/vendor-completions/_skillkit \
  ./usr/lib/cmake/skillkit/skillkitConfig.cmake ./usr/lib/libskillkit_lint.a \
  ./usr/include/skillkit/lint/engine.h; do
  grep -qx "$f" "$tmp/contents" || fail ".deb lacks $f"
done
dpkg-deb -x "$deb" "$tmp/root"
got=$("$tmp/root/usr/bin/skillkit" --version)
[ "$got" = "$want" ] || fail "the packaged binary says '$got'"
# pack, upload & co. run in skillkit-full, found from the packaged skillkit.
"$tmp/root/usr/bin/skillkit" inspect --help | grep -q "^Usage: skillkit inspect" ||
  fail "the packaged skillkit cannot run inspect"
echo "OK"
