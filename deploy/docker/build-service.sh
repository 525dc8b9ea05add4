#!/usr/bin/env bash
# Compiles one service and the libraries into plain CommonJS that `node` runs without dev tooling:
#
#   deploy/docker/build-service.sh <service> [out-dir]      (out-dir defaults to ./dist)
#   node <out-dir>/services/<service>/src/main.js
#
# swc (.swcrc.build.json) strips the types, keeps decorator metadata for NestJS and rewrites the
# @vl/* path aliases of tsconfig.base.json into relative requires, so the output needs only
# node_modules. No type checking happens here:
# that is `tsc --noEmit` in CI. The Dockerfiles run this script in their build stage.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVICES="voter-roll turnout excuses sanctions lottery incentives"
service="${1:-}"
out="${2:-$ROOT/dist}"

fail() { echo "build-service: $*" >&2; exit 1; }

[ -n "$service" ] || fail "usage: deploy/docker/build-service.sh <service> [out-dir]; services: $SERVICES"
case " $SERVICES " in *" $service "*) ;; *) fail "unknown service '$service'; expected one of: $SERVICES" ;; esac
[ -f "$ROOT/services/$service/src/main.ts" ] || fail "services/$service/src/main.ts does not exist"
swc="$ROOT/node_modules/.bin/swc"
[ -x "$swc" ] || fail "$swc is missing: install the workspace first (npm ci)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
[ "$out" != "$ROOT" ] || fail "the output directory must not be the repository root"

cd "$ROOT"

# Which @vl/* libraries the service reaches, following imports from its non-test sources.
reached="$(node - "$service" <<'NODE'
const { readFileSync, readdirSync, statSync } = require('node:fs');
const { join, dirname } = require('node:path');
const paths = JSON.parse(readFileSync('tsconfig.base.json', 'utf8')).compilerOptions.paths;
const roots = Object.fromEntries(Object.entries(paths).map(([alias, [target]]) => [alias, dirname(target)]));
const sourcesIn = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesIn(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
const importPattern = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](@vl\/[a-z0-9-]+)['"]/g;
const seen = new Set();
const queue = [join('services', process.argv[2], 'src')];
while (queue.length > 0) {
  for (const file of sourcesIn(queue.shift())) {
    for (const [, alias] of readFileSync(file, 'utf8').matchAll(importPattern)) {
      if (seen.has(alias)) continue;
      if (!roots[alias]) throw new Error(`${file} imports ${alias}, which tsconfig.base.json does not map`);
      seen.add(alias);
      queue.push(roots[alias]);
    }
  }
}
process.stdout.write([...seen].sort().join(' '));
NODE
)"

inputs=("services/$service/src")
for lib in libs/*/src; do inputs+=("$lib"); done
if [[ " $reached " == *" @vl/local-infra "* ]]; then
  # the local launcher spawns Kafka and PostgreSQL for developers: it does not belong in an image
  echo "build-service: warning: $service imports @vl/local-infra; including deploy/local/src" >&2
  inputs+=("deploy/local/src")
fi
[[ " $reached " != *" @vl/testing "* ]] || echo "build-service: warning: $service imports the test harness @vl/testing" >&2

# tsconfig.base.json is where aliases are declared (jest reads it too): the build takes jsc.paths from
# it, so an alias added there never yields an image that fails at start-up
config="$(mktemp "${TMPDIR:-/tmp}/swcrc-build.XXXXXX")"
trap 'rm -f "$config"' EXIT
node - "$config" <<'NODE'
const { readFileSync, writeFileSync } = require('node:fs');
const { isDeepStrictEqual } = require('node:util');
const swcrc = JSON.parse(readFileSync('.swcrc.build.json', 'utf8'));
const { paths } = JSON.parse(readFileSync('tsconfig.base.json', 'utf8')).compilerOptions;
if (!isDeepStrictEqual(swcrc.jsc.paths, paths)) {
  process.stderr.write('build-service: warning: .swcrc.build.json jsc.paths differ from tsconfig.base.json; using tsconfig.base.json\n');
}
swcrc.jsc.paths = paths;
swcrc.jsc.baseUrl = process.cwd();
writeFileSync(process.argv[2], JSON.stringify(swcrc));
NODE

rm -rf "$out/services/$service" "$out/libs" "$out/deploy"
"$swc" "${inputs[@]}" \
  --out-dir "$out" \
  --config-file "$config" --no-swcrc \
  --ignore '**/*.spec.ts' \
  --copy-files \
  --quiet

main="$out/services/$service/src/main.js"
[ -f "$main" ] || fail "swc produced no $main"
# an alias swc did not rewrite would only fail when the container starts: fail the build instead
built=("$out/services/$service" "$out/libs")
[ ! -d "$out/deploy" ] || built+=("$out/deploy")
if leftovers="$(grep -rlE "require\(\"@vl/" "${built[@]}" --include='*.js')"; then
  fail "unrewritten @vl/* imports: $leftovers"
fi
echo "build-service: $service -> ${main#"$ROOT/"} (libraries: ${reached:-none})"
