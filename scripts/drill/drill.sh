#!/usr/bin/env bash
# Fault drill: runs a corpus through a fresh local stack undisturbed, then through another fresh stack while the
# enrich-service and brokers are killed with SIGKILL and restarted with ./bilateral up, and compares the final
# relations.pairs, relations.events and news.articles.enriched key by key (times of processing left out).
# Exactly-once means the two runs end identical.
#
#   scripts/drill/drill.sh [--corpus FILE.jsonl|DIR] [--brokers 1|3] [--kills N] [--articles N]
#
# Without --corpus it generates --articles synthetic articles (default 300), so it runs on a fresh clone. Ports
# and data come from the usual BILATERAL_* variables (README, Configuration); each run uses its own temporary data
# directory. Exits 0 when the topics match, 1 when they differ, 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/../.."

corpus=""; brokers=1; kills=3; articles=300
while [[ $# -gt 0 ]]; do
    case "$1" in
        --corpus) corpus="$2"; shift 2 ;;
        --brokers) brokers="$2"; shift 2 ;;
        --kills) kills="$2"; shift 2 ;;
        --articles) articles="$2"; shift 2 ;;
        *) echo "drill: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ "$brokers" == 1 || "$brokers" == 3 ]] || { echo "drill: --brokers must be 1 or 3" >&2; exit 2; }

work=$(mktemp -d -t bilateral-drill.XXXXXX)
base_data=${BILATERAL_DATA_DIR:-}
cleanup() {
    for run in calm storm; do
        BILATERAL_DATA_DIR="$work/$run" ./bilateral down --purge > /dev/null 2>&1 || true
    done
}
trap cleanup EXIT

if [[ -z "$corpus" ]]; then
    corpus="$work/corpus.jsonl"
    python3 scripts/drill/corpus.py "$articles" > "$corpus"
fi

log() { echo "drill $(date +%T): $*"; }

count() { # records of topic $1, committed, as a downstream consumer sees them
    ./bilateral tail --topic "$1" --from-beginning --until-idle 3 --json 2> /dev/null | wc -l
}

await_processed() { # until every raw article is enriched, within a deadline
    local raw enriched deadline=$((SECONDS + 900))
    raw=$(count news.articles.raw)
    while :; do
        enriched=$(count news.articles.enriched)
        [[ "$enriched" -ge "$raw" ]] && { log "$enriched of $raw articles enriched"; return 0; }
        ((SECONDS < deadline)) || { log "only $enriched of $raw articles enriched after 900 s"; return 1; }
        sleep 5
    done
}

dump() { # the final state of the three topics, one JSON line per record, into directory $1
    mkdir -p "$1"
    for topic in relations.pairs relations.events news.articles.enriched; do
        ./bilateral tail --topic "$topic" --from-beginning --until-idle 10 --json 2> /dev/null > "$1/$topic.jsonl"
    done
}

kill_process() { # SIGKILL the process recorded under pid file $1 of the current stack
    local pid
    pid=$(head -1 "$BILATERAL_DATA_DIR/pids/$1.pid")
    kill -9 "$pid"
    while kill -0 "$pid" 2> /dev/null; do sleep 0.2; done
    log "killed $1 (pid $pid)"
}

restart() {
    local begin=$SECONDS
    ./bilateral up --brokers "$brokers" > "$work/up.log" 2>&1 || { cat "$work/up.log" >&2; return 1; }
    log "./bilateral up: ready again in $((SECONDS - begin)) s"
}

run() { # $1: calm or storm
    export BILATERAL_DATA_DIR="$work/$1"
    log "$1: starting a stack with $brokers broker(s)"
    ./bilateral up --brokers "$brokers" > "$work/up.log" 2>&1 || { cat "$work/up.log" >&2; return 1; }
    ./bilateral ingest "$corpus" > "$work/ingest-$1.log" 2>&1
    log "$1: $(tail -1 "$work/ingest-$1.log")"
    if [[ "$1" == storm ]]; then
        for ((i = 1; i <= kills; i++)); do
            if ((i % 2 == 0)); then
                # a broker: in a cluster one node (the others keep serving), else the only one
                if [[ "$brokers" == 3 ]]; then kill_process broker-2; else kill_process broker; fi
            else
                kill_process enrich-service
            fi
            restart
        done
    fi
    await_processed
    dump "$work/result-$1"
    ./bilateral down --purge > /dev/null
}

begin=$SECONDS
run calm
run storm
export BILATERAL_DATA_DIR="$base_data"
log "comparing (both runs took $((SECONDS - begin)) s)"
if python3 scripts/drill/compare.py "$work/result-calm" "$work/result-storm"; then
    rm -rf "$work"
else
    echo "drill: the topics differ; dumps and logs kept in $work" >&2
    exit 1
fi
