#!/usr/bin/env python3
"""Runs the extractor's regression probes through two `paramedic` binaries and prints every probe whose reading
changed, so that a person (or a review helper) can judge each change.

    swift build -c release --product paramedic && cp .build/release/paramedic /tmp/paramedic-before
    ... change the extractor, build again ...
    python3 scripts/probe-diff.py /tmp/paramedic-before .build/release/paramedic [--probes scripts/probes.tsv]

The probes (scripts/probes.tsv: id, rule, text) have no expected values: most were written by review helpers to
break one rule, and what counts as right is in the review's report and the rule's tests. Every extractor rule is
reviewed with this diff before it lands; add the review's probes to the file with the rule.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile


def summarize(analysis):
    """One line of what the extractor read: patient, sets, doses, history, times."""
    out = []
    patient = analysis.get("patient") or {}
    if patient.get("age") is not None or patient.get("gender"):
        out.append(f"pt={patient.get('age')}{(patient.get('age_unit') or '')[:1]}/{patient.get('gender')}")
    series = analysis.get("vitals_series") or []
    for s in series:
        values = {k: v for k, v in (s.get("values") or {}).items() if v is not None}
        time = s.get("time")
        out.append(f"set{s.get('index')}" + (f"@{time}" if time else "") + ":"
                   + ",".join(f"{k}={v}" for k, v in values.items()))
    if not series:
        values = {k: v for k, v in (analysis.get("vitals") or {}).items() if v is not None}
        if values:
            out.append("vitals:" + ",".join(f"{k}={v}" for k, v in values.items()))
    for m in analysis.get("medications_given") or []:
        out.append("GIVEN " + " ".join(str(m.get(k)) for k in ("drug", "dose", "unit", "route", "time")
                                        if m.get(k) is not None))
    history = analysis.get("history") or {}
    if history.get("nkda"):
        out.append("NKDA")
    if history.get("allergies"):
        out.append("allergies=" + ",".join(map(str, history["allergies"])))
    if history.get("medications"):
        out.append("meds=" + ",".join(map(str, history["medications"])))
    for k, v in (analysis.get("times") or {}).items():
        if v:
            out.append(f"{k}={v}")
    return "; ".join(out) or "(nothing)"


def read_probes(path):
    probes = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t", 2)
            if len(parts) == 3:
                probes.append((parts[0], parts[1], parts[2].replace("\\n", "\n")))
    return probes


def analyze(binary, path):
    result = subprocess.run([binary, "analyze", path], capture_output=True, text=True, errors="replace")
    if result.returncode != 0:
        return f"ERROR exit {result.returncode}: {result.stderr.strip()[:200]}"
    return summarize(json.loads(result.stdout))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="the paramedic binary before the change")
    parser.add_argument("after", help="the paramedic binary after the change")
    parser.add_argument("--probes", default=os.path.join(os.path.dirname(__file__), "probes.tsv"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    probes = read_probes(args.probes)
    with tempfile.TemporaryDirectory() as scratch:
        def run(item):
            index, (probe_id, rule, text) = item
            path = os.path.join(scratch, f"{index}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return probe_id, rule, text, analyze(args.before, path), analyze(args.after, path)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(run, enumerate(probes)))
    changed = 0
    for probe_id, rule, text, before, after in results:
        if before != after:
            changed += 1
            print(f"## {probe_id} [{rule}] {text[:300]}\n   before: {before}\n   after:  {after}")
    print(f"changed {changed} of {len(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
