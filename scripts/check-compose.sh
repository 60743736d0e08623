#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (CI has none):
#   1. `docker-compose config -q` (installs Debian's docker-compose if no compose is on the machine);
#   2. every long-running service has a healthcheck (one-shot services say `restart: "no"`);
#   3. every published port is bound to 127.0.0.1;
#   4. the kafka-init step creates each topic of the contract with its cleanup policy (DESIGN.md, Topics);
#   5. the three-broker profile (cluster.env, profile "cluster") is valid too: three KRaft nodes in one quorum,
#      replication 3 and min.insync.replicas 2 for the brokers, the topics and Kafka Streams' internal topics.
# Exits non-zero and says what is wrong. Usage: scripts/check-compose.sh [path/to/docker-compose.yml]
set -euo pipefail

cd "$(dirname "$0")/.."
compose_file="${1:-docker-compose.yml}"
failures=0

fail() {
    echo "check-compose: FAIL: $*" >&2
    failures=$((failures + 1))
}

[[ -f "$compose_file" ]] || { echo "check-compose: FAIL: $compose_file not found" >&2; exit 1; }

# --- 1. the compose tool validates the file (interpolation from .env included) ---
compose=()
if command -v docker-compose > /dev/null 2>&1; then
    compose=(docker-compose)
elif command -v docker > /dev/null 2>&1 && docker compose version > /dev/null 2>&1; then
    compose=(docker compose)
else
    echo "check-compose: no docker-compose found, installing Debian's package" >&2
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo > /dev/null 2>&1 || { echo "check-compose: FAIL: need root or sudo to install docker-compose" >&2; exit 1; }
        sudo=(sudo)
    fi
    # apt's chatter (debconf, needrestart) is shown only when the install fails
    if ! apt_log=$("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq 2>&1 \
            && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
                apt-get install -y -qq --no-install-recommends docker-compose 2>&1); then
        echo "$apt_log" >&2
        echo "check-compose: FAIL: could not install docker-compose with apt-get" >&2
        exit 1
    fi
    compose=(docker-compose)
fi

if ! config_errors=$("${compose[@]}" -f "$compose_file" config -q 2>&1); then
    echo "$config_errors" >&2
    fail "'${compose[*]} -f $compose_file config -q' rejected the file (see above)"
elif [[ -n "$config_errors" ]]; then
    # warnings only, e.g. an unset variable interpolated as empty: worth seeing, not fatal
    echo "$config_errors" >&2
fi

# --- 2 and 3. read the services from the file itself: 2-space service names, 4-space service keys ---
# Prints one line per finding: "nohealth SERVICE" or "port SERVICE ENTRY".
findings=$(awk -v q="'" '
    BEGIN {
        oneshot_re = "restart:[[:space:]]*[\"" q "]?no[\"" q "]?[[:space:]]*$"
        loopback_re = "^[\"" q "]?127\\.0\\.0\\.1:"
    }
    function finish() {
        if (service != "" && !oneshot && (!health || health_disabled)) print "nohealth " service
    }
    /^[^[:space:]#]/ {                       # a top-level key ends the services block
        finish(); service = ""
        in_services = ($0 ~ /^services:[[:space:]]*$/)
        next
    }
    !in_services { next }
    /^  [A-Za-z0-9._-]+:[[:space:]]*$/ {     # a service starts
        finish()
        service = $1; sub(/:$/, "", service)
        health = 0; health_disabled = 0; oneshot = 0; in_ports = 0; in_health = 0
        next
    }
    /^    [A-Za-z_]+:/ {                     # a key of the service
        key = $1; sub(/:.*/, "", key)
        in_ports = (key == "ports"); in_health = (key == "healthcheck")
        if (key == "healthcheck") health = 1
        if (key == "restart" && $0 ~ oneshot_re) oneshot = 1
        next
    }
    in_health && /^      disable:[[:space:]]*true/ { health_disabled = 1 }
    in_ports && /^      -/ {
        entry = $0; sub(/^      -[[:space:]]*/, "", entry)
        if (entry !~ loopback_re) print "port " service " " entry
    }
    END { finish() }
' "$compose_file")

while read -r kind service rest; do
    case "$kind" in
        nohealth) fail "service '$service' runs continuously but has no healthcheck (add one, or mark a one-shot service restart: \"no\")" ;;
        port) fail "service '$service' publishes $rest on every interface; publish on 127.0.0.1 only (\"127.0.0.1:HOST:CONTAINER\")" ;;
    esac
done <<< "$findings"

# --- 4. topics and their policies, as created by the kafka-init service ---
init_block=$(awk '
    /^  kafka-init:[[:space:]]*$/ { on = 1; next }
    on && /^  [A-Za-z0-9._-]+:[[:space:]]*$/ { on = 0 }
    on && /^[^[:space:]#]/ { on = 0 }
    on { print }
' "$compose_file")

if [[ -z "$init_block" ]]; then
    fail "no kafka-init service: the topics and their policies must be created explicitly"
else
    expected=(
        "news.articles.raw cleanup.policy=delete"
        "news.articles.enriched cleanup.policy=delete"
        "relations.events cleanup.policy=compact"
        "relations.pairs cleanup.policy=compact"
        "reference.actors cleanup.policy=compact"
        "news.dlq cleanup.policy=delete"
    )
    for pair in "${expected[@]}"; do
        topic=${pair%% *}
        policy=${pair#* }
        topic_re=${topic//./\\.}
        line=$(grep -E "^[[:space:]]*create_topic[[:space:]]+${topic_re}[[:space:]]" <<< "$init_block" || true)
        if [[ -z "$line" ]]; then
            fail "kafka-init does not create topic $topic"
        elif ! grep -qE "(^|[[:space:],])${policy//./\\.}([,[:space:]]|$)" <<< "$line"; then
            fail "kafka-init creates $topic without $policy: ${line#"${line%%[![:space:]]*}"}"
        fi
    done
    grep -q -- '--if-not-exists' <<< "$init_block" \
        || fail "kafka-init must use kafka-topics --create --if-not-exists so that a restart of the stack succeeds"
fi

# --- 5. the three-broker profile, as `docker compose --env-file cluster.env --profile cluster` resolves it ---
cluster_env="$(dirname "$compose_file")/cluster.env"
if [[ ! -f "$cluster_env" ]]; then
    fail "$cluster_env not found: the three-broker profile needs it"
elif ! cluster_config=$(COMPOSE_PROFILES=cluster "${compose[@]}" --env-file "$cluster_env" -f "$compose_file" config 2>&1); then
    echo "$cluster_config" >&2
    fail "the three-broker profile (--env-file $cluster_env, profile cluster) does not resolve (see above)"
else
    cluster_services=$(COMPOSE_PROFILES=cluster "${compose[@]}" --env-file "$cluster_env" -f "$compose_file" config --services)
    for node in kafka kafka-2 kafka-3; do
        grep -qx "$node" <<< "$cluster_services" || fail "the cluster profile has no service $node"
    done
    for setting in \
            "KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:29093,2@kafka-2:29093,3@kafka-3:29093" \
            "KAFKA_DEFAULT_REPLICATION_FACTOR: '3'" \
            "KAFKA_MIN_INSYNC_REPLICAS: '2'" \
            "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '3'" \
            "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '2'" \
            "REPLICATION: '3'" \
            "MIN_ISR: '2'" \
            "BILATERAL_KAFKA_REPLICATION_FACTOR: '3'" \
            "BILATERAL_KAFKA_BOOTSTRAP_SERVERS: kafka:29092,kafka-2:29092,kafka-3:29092"; do
        # the value may be printed quoted or not, depending on the compose version
        unquoted=${setting//\'/}
        grep -qF -- "$setting" <<< "$cluster_config" || grep -qF -- "$unquoted" <<< "$cluster_config" \
            || fail "the cluster profile does not set $unquoted"
    done
    for node in kafka-2 kafka-3; do
        awk -v s="  $node:" '$0 == s { on = 1; next } on && /^  [A-Za-z0-9._-]+:/ { on = 0 } on' "$compose_file" \
            | grep -qE '^    profiles:.*cluster' || fail "$node is not in the profile cluster: it would run in the one-broker stack"
    done
fi

if ((failures > 0)); then
    echo "check-compose: $compose_file: $failures problem(s)" >&2
    exit 1
fi
echo "check-compose: $compose_file OK (config valid, healthchecks present, ports on 127.0.0.1, topic policies as designed, three-broker profile valid)"
