#!/usr/bin/env bash
# External-consumer check: a Confluent-compatible client from outside the JVM (Node.js, KafkaJS +
# @kafkajs/confluent-schema-registry, pure JS) reads relations.pairs and relations.events of a
# local stack and decodes every value through the registry's Confluent API.
#
# Starts its own stack on its own ports and data dir (never the defaults), ingests samples/, waits
# until the IRN-UZB pair summary counts the three Iran–Uzbekistan articles, reads relations.events,
# cross-checks both topics against the project's own JVM reader (`bilateral tail --json`), and
# always stops and purges the stack on exit. Exits non-zero on any failure.
#
# Overrides: EXTCHECK_DATA_DIR, EXTCHECK_BROKER_PORT (29092), EXTCHECK_CONTROLLER_PORT (29093),
# EXTCHECK_REGISTRY_PORT (28081), EXTCHECK_INGEST_PORT (28080), EXTCHECK_ENRICH_PORT (28090),
# EXTCHECK_DEADLINE_SECONDS (240: how long to wait for the pipeline after ingesting).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$HERE"

log() { printf '[extcheck] %s\n' "$*" >&2; }
die() { printf '[extcheck] FAILED: %s\n' "$*" >&2; exit 1; }

# --- node and the npm dependencies -------------------------------------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing nodejs and npm (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  fi
  command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed"
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || die "Node.js >= 18 is needed, found $(node --version)"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund >&2
fi
log "node $(node --version); $(node -p "['kafkajs','@kafkajs/confluent-schema-registry','avsc'].map(p => p + '@' + require('./node_modules/' + p + '/package.json').version).join(', ')")"

# --- our own stack -----------------------------------------------------------------------------
WORK="$(mktemp -d -t bilateral-extcheck.XXXXXX)"
export BILATERAL_DATA_DIR="${EXTCHECK_DATA_DIR:-$WORK/stack}"
export BILATERAL_BROKER_PORT="${EXTCHECK_BROKER_PORT:-29092}"
export BILATERAL_CONTROLLER_PORT="${EXTCHECK_CONTROLLER_PORT:-29093}"
export BILATERAL_REGISTRY_PORT="${EXTCHECK_REGISTRY_PORT:-28081}"
export BILATERAL_INGEST_PORT="${EXTCHECK_INGEST_PORT:-28080}"
export BILATERAL_ENRICH_PORT="${EXTCHECK_ENRICH_PORT:-28090}"
DEADLINE_SECONDS="${EXTCHECK_DEADLINE_SECONDS:-240}"
BROKERS="127.0.0.1:$BILATERAL_BROKER_PORT"
REGISTRY="http://127.0.0.1:$BILATERAL_REGISTRY_PORT/apis/ccompat/v7"

for port in "$BILATERAL_BROKER_PORT" "$BILATERAL_CONTROLLER_PORT" "$BILATERAL_REGISTRY_PORT" \
            "$BILATERAL_INGEST_PORT" "$BILATERAL_ENRICH_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    rm -rf "$WORK"
    die "port $port is already in use; set EXTCHECK_*_PORT to free ports"
  fi
done

stack_started=0
cleanup() {
  local rc=$?
  if [ "$stack_started" = 1 ]; then
    log "stopping the stack (down --purge)"
    if ! "$ROOT/bilateral" down --purge >&2; then
      # e.g. the launcher's rebuild failed under someone else's edits: try once more, then stop
      # our own processes by the pids the launcher recorded (only those started with our data dir).
      log "down --purge failed; retrying in 30 s"
      sleep 30
      if ! "$ROOT/bilateral" down --purge >&2; then
        log "down --purge failed again; stopping the processes recorded in $BILATERAL_DATA_DIR/pids"
        for f in "$BILATERAL_DATA_DIR"/pids/*.pid; do
          [ -f "$f" ] || continue
          pid="$(head -1 "$f" | tr -dc 0-9)"
          [ -n "$pid" ] && [ -r "/proc/$pid/environ" ] || continue
          if tr '\0' '\n' <"/proc/$pid/environ" | grep -qxF "BILATERAL_DATA_DIR=$BILATERAL_DATA_DIR"; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -9 "$pid" 2>/dev/null || true
          fi
        done
        rm -rf "$BILATERAL_DATA_DIR"
        [ "$rc" != 0 ] || rc=1
      fi
    fi
  fi
  rm -rf "$WORK"
  if [ "$rc" = 0 ]; then log "OK"; else log "exit code $rc"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting the stack in $BILATERAL_DATA_DIR (broker $BROKERS, registry $REGISTRY)"
stack_started=1
"$ROOT/bilateral" up >&2 || die "bilateral up failed"

log "ingesting samples/"
"$ROOT/bilateral" ingest "$ROOT/samples/" >&2 || die "bilateral ingest failed"

read_topic() { # topic out-file [extra args…]; returns the reader's exit code
  local topic="$1" out="$2"; shift 2
  node "$HERE/read-topic.mjs" --brokers "$BROKERS" --registry "$REGISTRY" --topic "$topic" "$@" >"$out"
}

# --- relations.pairs: wait until IRN-UZB counts the three Iran–Uzbekistan articles --------------
PAIRS="$WORK/pairs.jsonl"
deadline=$(( $(date +%s) + DEADLINE_SECONDS ))
attempt=0
while :; do
  attempt=$((attempt + 1))
  rc=0
  read_topic relations.pairs "$PAIRS" --expect-key IRN-UZB --timeout-ms 20000 || rc=$?
  case "$rc" in
    0) ;;
    2) ;; # IRN-UZB not there yet
    *) die "read-topic.mjs failed on relations.pairs (exit $rc)";;
  esac
  verdict=0
  if [ "$rc" = 0 ]; then
    # The latest IRN-UZB summary (the last record of that key) decides.
    node -e '
      const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map(JSON.parse);
      const s = lines.filter(r => r.key === "IRN-UZB").pop();
      if (!s || !s.value) { console.error("no IRN-UZB value"); process.exit(10); }
      const v = s.value;
      console.error(`IRN-UZB at offset ${s.offset} (schema id ${s.schemaId}): eventCount=${v.eventCount} articleCount=${v.articleCount}`);
      if (v.pairId !== "IRN-UZB") { console.error(`pairId ${v.pairId} != key IRN-UZB`); process.exit(11); }
      if (!(v.eventCount >= 1)) process.exit(10);          // not there yet
      if (v.articleCount < 3) process.exit(10);            // still counting
      if (v.articleCount !== 3) { console.error(`articleCount ${v.articleCount}, expected 3`); process.exit(11); }
    ' "$PAIRS" || verdict=$?
    [ "$verdict" = 0 ] && break
    [ "$verdict" = 10 ] || die "the decoded IRN-UZB summary is wrong"
  fi
  [ "$(date +%s)" -lt "$deadline" ] || die "IRN-UZB with eventCount >= 1 and articleCount 3 not on relations.pairs after ${DEADLINE_SECONDS}s ($attempt reads)"
  sleep 2
done
log "relations.pairs: $(wc -l <"$PAIRS") record(s) decoded, IRN-UZB has eventCount >= 1 and articleCount 3 (attempt $attempt)"

# --- relations.events --------------------------------------------------------------------------
EVENTS="$WORK/events.jsonl"
read_topic relations.events "$EVENTS" --timeout-ms 30000 || die "read-topic.mjs failed on relations.events (exit $?)"
node -e '
  const fs = require("fs");
  const read = f => fs.readFileSync(f, "utf8").split("\n").filter(Boolean).map(JSON.parse);
  const events = read(process.argv[1]), pairs = read(process.argv[2]);
  const latest = new Map();
  for (const r of events) latest.set(r.key, r);
  const bad = events.filter(r => !r.value || r.value.eventId !== r.key);
  if (bad.length) { console.error(`events whose value is missing or whose eventId differs from the key: ${bad.map(r => r.offset)}`); process.exit(1); }
  const uzb = [...latest.values()].filter(r => r.value.pairId === "IRN-UZB");
  if (!uzb.length) { console.error("no IRN-UZB event on relations.events"); process.exit(1); }
  const summary = pairs.filter(r => r.key === "IRN-UZB").pop().value;
  const missing = (summary.latestEvents || []).map(e => e.eventId).filter(id => !latest.has(id));
  if (missing.length) { console.error(`events named by the IRN-UZB summary but not on relations.events: ${missing}`); process.exit(1); }
  const articles = uzb.reduce((n, r) => n + r.value.numArticles, 0);
  if (articles !== summary.articleCount) { console.error(`IRN-UZB events carry ${articles} article(s), the summary counts ${summary.articleCount}`); process.exit(1); }
  console.error(`relations.events: ${events.length} record(s) decoded, ${latest.size} event(s); IRN-UZB: ${uzb.map(r => r.key + " numArticles=" + r.value.numArticles + " numSources=" + r.value.numSources).join("; ")}`);
' "$EVENTS" "$PAIRS" || die "relations.events check failed"

# --- the same records as the project's own JVM reader sees them ---------------------------------
for topic in relations.pairs relations.events; do
  JVM="$WORK/$topic.jvm.jsonl"
  # Up to 3 tries: in a shared work tree the launcher may be rebuilding under another developer's edits.
  for try in 1 2 3; do
    if "$ROOT/bilateral" tail --topic "$topic" --from-beginning --until-idle 3 --json >"$JVM" 2>"$WORK/tail.err"; then
      break
    fi
    tail -5 "$WORK/tail.err" >&2
    [ "$try" -lt 3 ] || die "bilateral tail $topic failed"
    log "bilateral tail $topic failed (try $try); retrying in 20 s"
    sleep 20
  done
  node -e '
    const fs = require("fs");
    const read = f => fs.readFileSync(f, "utf8").split("\n").filter(l => l.startsWith("{")).map(JSON.parse);
    const [node, jvm, topic] = [read(process.argv[1]), read(process.argv[2]), process.argv[3]];
    const byOffset = new Map(node.map(r => [r.offset, r]));
    // The JVM reader ran later, so it may have seen more; every record it saw that the node reader
    // also reached must be the same record, decoded to the same numbers.
    let compared = 0;
    for (const j of jvm) {
      const n = byOffset.get(j.offset);
      if (!n) continue;
      compared++;
      if (n.key !== j.key) { console.error(`${topic} offset ${j.offset}: key ${n.key} (node) vs ${j.key} (jvm)`); process.exit(1); }
      for (const f of ["eventCount", "articleCount", "numArticles", "numSources", "goldstein", "goldsteinSum"]) {
        if (j.value && f in j.value && Number(j.value[f]) !== Number(n.value[f])) {
          console.error(`${topic} offset ${j.offset} ${f}: ${n.value[f]} (node) vs ${j.value[f]} (jvm)`); process.exit(1);
        }
      }
    }
    if (compared === 0 || compared < node.length) { console.error(`${topic}: compared ${compared} of ${node.length} record(s) with the JVM reader`); process.exit(1); }
    console.error(`${topic}: ${compared} record(s) agree with bilateral tail --json`);
  ' "$( [ "$topic" = relations.pairs ] && echo "$PAIRS" || echo "$EVENTS")" "$JVM" "$topic" \
    || die "node and JVM readers disagree on $topic"
done

log "external consumer check passed: relations.pairs and relations.events decoded outside the JVM through $REGISTRY"
