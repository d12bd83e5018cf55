#!/usr/bin/env bash
# Checks what Plinth publishes, as Maven Central users will get it:
#   - every library module has its jar, -sources and -javadoc jars, and an Automatic-Module-Name;
#   - no internal package (package-info saying "Internal") is in a Javadoc jar;
#   - the build is reproducible: two builds of the committed tree, in two directories, give
#     byte-identical jars (skip with --no-rebuild to check only the jars in ./*/target).
# Run after ./mvnw -B -DskipTests package. Exits non-zero on the first failed check.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
fail() { echo "check-artifacts: FAILED: $*" >&2; exit 1; }

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
for module in core:io.plinth.core migrations:io.plinth.migrations testkit:io.plinth.testkit postgres:io.plinth.postgres; do
    dir=${module%%:*}; name=${module##*:}
    base="$dir/target/plinth-$dir-$version"
    for jar in "$base.jar" "$base-sources.jar" "$base-javadoc.jar"; do
        [[ -s "$jar" ]] || fail "$jar is missing"
    done
    got=$(unzip -p "$base.jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Automatic-Module-Name: //p')
    [[ "$got" == "$name" ]] || fail "$base.jar: Automatic-Module-Name is '$got', not $name"
    while read -r info; do
        pkg=$(dirname "${info#*/src/main/java/}")
        if unzip -l "$base-javadoc.jar" | grep -q " $pkg/package-summary.html$"; then
            fail "internal package ${pkg//\//.} is in $base-javadoc.jar"
        fi
    done < <(grep -l '<b>Internal.</b>' $(find "$dir/src/main/java" -name package-info.java) 2>/dev/null || true)
    echo "check-artifacts: $dir: jar, sources, javadoc (no internal package), Automatic-Module-Name $name"
done
got=$(unzip -p cli/target/plinth.jar META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Automatic-Module-Name: //p')
[[ "$got" == "io.plinth.cli" ]] || fail "cli/target/plinth.jar: Automatic-Module-Name is '$got'"
echo "check-artifacts: cli/target/plinth.jar is $(( $(stat -c %s cli/target/plinth.jar) / 1000000 )) MB"

[[ "${1:-}" == "--no-rebuild" ]] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for copy in one two; do
    mkdir "$work/$copy"
    git archive HEAD | tar -x -C "$work/$copy"
    (cd "$work/$copy" && ./mvnw -B -o -q -DskipTests package >"$work/$copy.log" 2>&1) || fail "build in $work/$copy (see its log)"
    (cd "$work/$copy" && find . -path '*/target/*' -name '*.jar' | sort | xargs sha256sum) >"$work/$copy.sha"
done
diff "$work/one.sha" "$work/two.sha" || fail "two builds of HEAD gave different jars"
echo "check-artifacts: two builds of HEAD gave identical jars ($(wc -l <"$work/one.sha") jars)"
