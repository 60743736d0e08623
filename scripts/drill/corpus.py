#!/usr/bin/env python3
"""Prints N synthetic articles as JSON lines (the ingest format): country pairs signing, meeting or criticising on
various subjects over several days, so they make many events, some merged from several reports.

Usage: corpus.py N
"""
import json
import sys

PAIRS = [("Iran", "Uzbekistan"), ("Iran", "Tajikistan"), ("Kazakhstan", "Kyrgyzstan"), ("Japan", "Vietnam"),
         ("Kenya", "Tanzania"), ("Chile", "Peru"), ("Norway", "Sweden"), ("Egypt", "Jordan"),
         ("India", "Nepal"), ("Brazil", "Argentina"), ("Poland", "Lithuania"), ("Ghana", "Nigeria")]
SUBJECTS = ["trade", "energy", "railway", "education", "customs", "health", "fisheries", "water"]
ACTIONS = [
    "{a} and {b} signed an agreement on {s} cooperation on Monday, the foreign ministers of the two countries said.",
    "The foreign minister of {a} met his counterpart from {b} to discuss {s} cooperation.",
    "{a} criticised {b} over its {s} policy, calling the measures unacceptable.",
]


def main(n):
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        subject = SUBJECTS[(i // len(PAIRS)) % len(SUBJECTS)]
        action = ACTIONS[(i // (len(PAIRS) * 2)) % len(ACTIONS)]
        day = 1 + (i // 60) % 28
        body = action.format(a=a, b=b, s=subject) + f" Officials gave details in report {i}."
        print(json.dumps({
            "id": f"drill-{i}",
            "title": f"{a} and {b} on {subject}",
            "body": body,
            "published": f"2024-05-{day:02d}T09:00:00Z",
            "source": f"Outlet {i % 5}",
        }))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(int(sys.argv[1]))
