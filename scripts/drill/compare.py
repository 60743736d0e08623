#!/usr/bin/env python3
"""Compares two dumps of the final topics (./bilateral tail --json lines) key by key, ignoring processing times.

Usage: compare.py CALM_DIR STORM_DIR. Exits 0 when every topic holds the same keys with the same values, 1 otherwise,
printing the first differences of each topic.
"""
import json
import sys
from pathlib import Path

TOPICS = ["relations.pairs", "relations.events", "news.articles.enriched"]
# when a record was made, not what it says: they differ between any two runs
TIMES = {"ingestedAt", "enrichedAt", "updatedAt", "firstSeen", "lastUpdated"}


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in TIMES}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def latest(path):
    """key -> last value (compacted topics keep the last; a null value deletes)."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        key, value = record.get("key"), record.get("value")
        if value is None:
            table.pop(key, None)
        else:
            table[key] = strip(value)
    return table


def main(calm_dir, storm_dir):
    failures = 0
    for topic in TOPICS:
        calm = latest(Path(calm_dir) / f"{topic}.jsonl")
        storm = latest(Path(storm_dir) / f"{topic}.jsonl")
        missing = sorted(set(calm) - set(storm))
        extra = sorted(set(storm) - set(calm))
        changed = sorted(k for k in set(calm) & set(storm) if calm[k] != storm[k])
        if not calm:
            print(f"{topic}: FAIL: the undisturbed run wrote nothing")
            failures += 1
        elif missing or extra or changed:
            failures += 1
            print(f"{topic}: FAIL: {len(calm)} keys undisturbed, {len(storm)} with faults; "
                  f"missing {missing[:5]}, extra {extra[:5]}, different {changed[:5]}")
            for key in changed[:2]:
                print(f"  {key}\n    calm  {json.dumps(calm[key], sort_keys=True)[:400]}"
                      f"\n    storm {json.dumps(storm[key], sort_keys=True)[:400]}")
        else:
            print(f"{topic}: {len(calm)} keys, identical")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
