#!/usr/bin/env bash
# Compiles one service and the libraries into plain CommonJS that `node` runs without dev tooling:
#
#   deploy/docker/build-service.sh <service> [out-dir]      (out-dir defaults to ./dist)
#   node <out-dir>/services/<service>/src/main.js
#
# swc (.swcrc.build.json) strips the types, keeps decorator metadata for NestJS and rewrites the
# @vl/* path aliases of tsconfig.base.json into relative requires, so the output needs only
# node_modules. Types are not checked here (`tsc --noEmit` does that in CI). The Dockerfiles run this
# script in their build stage.
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
[ "$out" != "$ROOT" ] && [ "$out" != / ] || fail "the output directory must not be the repository root or /"

cd "$ROOT"

# Which @vl/* libraries the service's code reaches, module by module from main.ts (type-only imports
# are erased by swc and do not count). A library's test helpers are not reached from its index.ts.
reached="$(node - "$service" <<'NODE'
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const paths = JSON.parse(readFileSync('tsconfig.base.json', 'utf8')).compilerOptions.paths;
const specifiers = /(?:^|[;\s])(import|export)(\s+type)?\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const resolveRelative = (from, specifier) => {
  const base = join(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((file) => existsSync(file));
};
const aliases = new Set();
const seen = new Set();
const queue = [join('services', process.argv[2], 'src', 'main.ts')];
while (queue.length > 0) {
  const file = queue.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  for (const match of readFileSync(file, 'utf8').matchAll(specifiers)) {
    if (match[2]) continue;
    const specifier = match[3] ?? match[4] ?? match[5];
    if (specifier.startsWith('.')) {
      const target = resolveRelative(file, specifier);
      if (target) queue.push(target);
    } else if (specifier.startsWith('@vl/')) {
      const [target] = paths[specifier] ?? [];
      if (!target) throw new Error(`${file} imports ${specifier}, which tsconfig.base.json does not map`);
      aliases.add(specifier);
      queue.push(target);
    }
  }
}
process.stdout.write([...aliases].sort().join(' '));
NODE
)"

inputs=("services/$service/src")
for lib in libs/*/src; do inputs+=("$lib"); done
if [[ " $reached " == *" @vl/local-stack "* ]]; then
  # the local stack spawns the services for developers: it does not belong in an image
  echo "build-service: warning: $service imports @vl/local-stack; including deploy/local/src" >&2
  inputs+=("deploy/local/src")
fi
[[ " $reached " != *" @vl/local-infra "* ]] || echo "build-service: warning: $service imports the local Kafka and PostgreSQL launcher @vl/local-infra" >&2
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
