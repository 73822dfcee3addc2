#!/usr/bin/env bash
# Fuzzes the reference web app through its load balancer with schemathesis (PyPI), driven by webapp/openapi.yaml:
# generated good and bad requests (wrong types, missing fields, odd strings, bad content types), with a logged-in
# session as the `session` security scheme. Fails on any 5xx (not_a_server_error) and on answers the description
# does not give (status code, content type, headers, schema).
#
# Two projects, offline images, one after the other (ports 8080 must be free; nothing is left running):
#   1. topologies/web-tier.yaml: no database, so the notes routes answer 501 by design and are left out there;
#   2. bench/fuzz-notes.yaml: the web tier plus a MariaDB primary, for the notes routes (and all the others).
# schemathesis goes into a virtualenv outside the repository (${SCALER_CACHE:-/var/cache/scaler}/venv/...).
#
#   bench/fuzz-webapp.sh [MAX_EXAMPLES_PER_OPERATION (default 200)] [SEED (default 1)]
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMATHESIS_VERSION=4.32.5
examples=${1:-200}
seed=${2:-1}
venv=${SCALER_CACHE:-/var/cache/scaler}/venv/schemathesis-$SCHEMATHESIS_VERSION
if [[ ! -x $venv/bin/schemathesis ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi
project=""
trap '[[ -n $project ]] && ./scaler down "$project" >/dev/null 2>&1 || true' EXIT

fuzz() { # PROJECT TOPOLOGY [schemathesis options...]
  project=$1; local topology=$2; shift 2
  echo "== $project: up"
  ./scaler up --images offline "$topology" | grep ' is up in'
  local url=http://127.0.0.1:8080
  SCALER_FUZZ_SESSION=$(curl -s -o /dev/null -D - -d user=fuzzer "$url/login" | sed -n 's/^Set-Cookie: SCALER_SESSION=\([^;]*\).*/\1/ip')
  [[ -n $SCALER_FUZZ_SESSION ]] || { echo "no session from POST /login" >&2; exit 3; }
  export SCALER_FUZZ_SESSION
  echo "== $project: schemathesis $SCHEMATHESIS_VERSION, $examples examples per operation, seed $seed"
  local rc=0 st=("$venv/bin/schemathesis" --config-file bench/fuzz-webapp.toml run webapp/openapi.yaml --url "$url"
    --checks all --exclude-checks positive_data_acceptance --max-examples "$examples" --seed "$seed" --workers 2
    --request-timeout 10)
  # POST /logout ends the session every other operation is fuzzed with, so it goes last, on its own.
  "${st[@]}" --exclude-path /logout --report junit --report-junit-path "target/fuzz-$project.xml" "$@" || rc=$?
  "${st[@]}" --include-path /logout --report junit --report-junit-path "target/fuzz-$project-logout.xml" || rc=$?
  echo "== $project: down"
  ./scaler down "$project" >/dev/null
  project=""
  return $rc
}

rc=0
fuzz web-tier topologies/web-tier.yaml --exclude-path-regex '^/notes' || rc=$?
fuzz fuzz-notes bench/fuzz-notes.yaml || rc=$?
exit $rc
