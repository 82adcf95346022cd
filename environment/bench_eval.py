#!/usr/bin/env python3
"""Speed of r1kit's CIDEr-D and BLEU against pycocoevalcap's on the same 10,000 candidate/reference sets.

The sets are drawn (seeded) from the real sentences of the shared 3D-LLM and SQA3D samples: each
candidate is one sentence, its references 1 to 5 others. Text is lower-cased and split at
punctuation here, so both sides score identical tokens and the timings exclude tokenisation.
Prints, per metric: pycocoevalcap's scoring time, r1kit's scoring time inside its JVM (files read
and JVM start excluded, one cold run) and the r1kit command's whole wall time, and checks that
both give the same score.

Usage: .venv/bin/python environment/bench_eval.py [--sets 10000] [--shared ../shared]
"""
import argparse
import json
import os
import random
import re
import subprocess
import tempfile
import time

from pycocoevalcap.bleu.bleu import Bleu
from pycocoevalcap.cider.cider import Cider

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sentences(shared):
    folder = os.path.join(shared, "data", "annotations")
    out = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            data = json.load(f)
        if name.startswith("3d_llm"):
            out += [a for r in data for a in r["answers"]]
            out += [r["question"].split("### human:")[-1].split("### assistant:")[0] for r in data]
        elif "questions" in data:
            out += [q[k] for q in data["questions"] for k in ("situation", "question")]
    words = (" ".join(re.findall(r"[a-z0-9']+", s.lower())) for s in out)
    return [w for w in words if w]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", type=int, default=10000)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = ap.parse_args()
    pool = sentences(args.shared)
    rng = random.Random(7)
    gt = {str(i): rng.sample(pool, rng.randint(1, 5)) for i in range(args.sets)}
    pred = {i: [rng.choice(pool)] for i in gt}
    print(f"{args.sets} sets, {sum(len(v) for v in gt.values())} references, from {len(pool)} real sentences")

    with tempfile.TemporaryDirectory() as tmp:
        p_file, g_file = os.path.join(tmp, "pred.json"), os.path.join(tmp, "gt.json")
        for path, obj in ((p_file, pred), (g_file, gt)):
            with open(path, "w", encoding="utf-8") as f:
                json.dump(obj, f)
        print(f"{'metric':8} {'pycocoevalcap s':>16} {'r1kit s (JVM)':>14} {'r1kit wall s':>13} {'speed-up':>9}  score agrees")
        for metric, scorer, key in (("cider", Cider(), "CIDEr"), ("bleu", Bleu(4), "BLEU-4")):
            t0 = time.perf_counter()
            score, _ = scorer.compute_score(gt, pred) if metric == "cider" else scorer.compute_score(gt, pred, verbose=0)
            py = time.perf_counter() - t0
            ref = score if metric == "cider" else score[3]
            t0 = time.perf_counter()
            out = subprocess.run([os.path.join(ROOT, "environment", "r1kit"), "eval", "--metric", metric,
                                  "--pretokenized", "--json", "--timing", "--pred", p_file, "--gt", g_file],
                                 capture_output=True, text=True, check=True)
            wall = time.perf_counter() - t0
            ours = json.loads(out.stdout)
            agrees = abs(ours["scores"][key] - ref) <= 1e-6
            print(f"{key:8} {py:16.3f} {ours['seconds']:14.3f} {wall:13.3f} {py / ours['seconds']:8.1f}x  {agrees}")


if __name__ == "__main__":
    main()
