#!/usr/bin/env python3
"""Agreement of io.r1kit.eval with the official COCO caption scorers (PyPI pycocoevalcap).

Inputs: real answer pairs built from the shared 3D-LLM and SQA3D samples (see `pairs()`) plus
hand-written edge cases. Steps:
  1. tokenise everything with pycocoevalcap's PTBTokenizer (the Stanford jar it ships);
  2. score that tokenised text with pycocoevalcap's Bleu, Cider, Rouge and Meteor (METEOR 1.5 jar)
     and with `r1kit eval --metric M --pretokenized`, and compare corpus and per-sample scores;
  3. compare r1kit's own tokeniser (`r1kit eval --tokenize`) with the Stanford tokens.
BLEU-1..4, CIDEr-D, ROUGE-L and METEOR (with METEOR's synonym and paraphrase data, which the r1kit
launcher finds in the venv) must agree to 1e-6 (exit 1 otherwise). Tokenisation is reported; it
fails the check only below the agreement measured when this check was written.

Usage: .venv/bin/python environment/check_coco.py [--shared ../shared] [--json OUT.json]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from pycocoevalcap.bleu.bleu import Bleu
from pycocoevalcap.cider.cider import Cider
from pycocoevalcap.meteor.meteor import Meteor
from pycocoevalcap.rouge.rouge import Rouge
from pycocoevalcap.tokenizer.ptbtokenizer import PTBTokenizer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXACT_TOLERANCE = 1e-6
# Floor under the agreement measured when this check was written (docs/evaluation.md).
TOKENS_MIN_IDENTICAL = 0.99
METEOR_ALL_MODULES = "exact, stem, synonym and paraphrase modules"

EDGE_CASES = [
    ("a brown wooden chair", ["a brown wooden chair"]),                    # identical
    ("zebra", ["the table is next to the window"]),                        # nothing shared
    ("", ["a sofa"]),                                                      # empty prediction
    ("chair", ["chair", "a chair", "the black office chair"]),              # one word, several references
    ("it's the man's TV (on the left), isn't it?", ["the tv is on the left", "it is the man's television"]),
    ("There are 2 chairs; 3.5 m away -- maybe 10:30...", ["two chairs", "there are 2 chairs"]),
    ("the the the the", ["the cat sat on the mat"]),                       # clipping
    ("on the left of the bed is a lamp", ["a lamp is on the left of the bed"]),  # reordered
    ("the sofa is beside the big bed", ["the couch is next to the large bed"]),  # synonyms, paraphrase
    ("a well-lit room with boxes", ["a well lit room with a box", "box"]),  # dashes, stems
]


def load(shared, name):
    with open(os.path.join(shared, "data", "annotations", name), encoding="utf-8") as f:
        return json.load(f)


def perturb(text):
    """Drops every third word and swaps the first two: a realistic 'almost right' answer."""
    words = text.split()
    kept = [w for i, w in enumerate(words) if i % 3 != 2]
    if len(kept) > 1:
        kept[0], kept[1] = kept[1], kept[0]
    return " ".join(kept)


def pairs(shared):
    """(id, candidate, references) built from real annotations; every candidate is real text."""
    out = []
    for name in ["3d_llm_dialogue_filtered_val", "3d_llm_planning_filtered_val",
                 "3d_llm_question_answer_val", "3d_llm_scene_description_val"]:
        records = load(shared, name + ".sample.json")
        for i, r in enumerate(records):
            refs = [a for a in r["answers"] if a.strip()]
            if not refs:
                continue
            nxt = records[(i + 1) % len(records)]["answers"][0]
            out.append((f"{name}/{i}/neighbour", nxt, refs))          # another record's answer
            out.append((f"{name}/{i}/perturbed", perturb(refs[0]), refs))
            if len(refs) > 1:
                out.append((f"{name}/{i}/leave-one-out", refs[0], refs[1:]))
    annotations = load(shared, "sqa3d_annotations_test.sample.json")["annotations"]
    for i, a in enumerate(annotations):
        refs = [x["answer"] for x in a["answers"]]
        nxt = annotations[(i + 1) % len(annotations)]["answers"][0]["answer"]
        out.append((f"sqa3d/{a['question_id']}/neighbour", nxt, refs))
    questions = load(shared, "sqa3d_questions_test.sample.json")["questions"]
    for q in questions:
        alts = [s for s in q.get("alternative_situation", []) if s.strip()]
        if alts:
            out.append((f"sqa3d/{q['question_id']}/situation", q["situation"], alts))
    for i, (c, refs) in enumerate(EDGE_CASES):
        out.append((f"edge/{i}", c, refs))
    return out


def ptb(texts_by_id):
    """Stanford PTB tokens of {id: [text]} (pycocoevalcap's tokenizer step)."""
    return PTBTokenizer().tokenize({k: [{"caption": t} for t in v] for k, v in texts_by_id.items()})


def r1kit(*args):
    launcher = os.path.join(ROOT, "environment", "r1kit")
    done = subprocess.run([launcher, "eval", *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"check_coco: r1kit eval {' '.join(args)} failed: {done.stderr.strip()}")
    return json.loads(done.stdout)


def write(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False)


def max_diff(a, b):
    return max(abs(x - y) for x, y in zip(a, b))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--json", help="write the measured differences to this file")
    args = ap.parse_args()

    data = pairs(args.shared)
    raw_pred = {i: [c] for i, c, _ in data}
    raw_gt = {i: refs for i, _, refs in data}
    gt = ptb(raw_gt)
    pred = ptb(raw_pred)
    # A reference the PTB step empties is an input error for r1kit: keep such ids out of both sides.
    keep = [i for i in raw_gt if all(r.strip() for r in gt[i])]
    gt = {i: gt[i] for i in keep}
    pred = {i: pred[i] for i in keep}
    print(f"{len(keep)} candidate/reference sets ({len(data) - len(keep)} dropped: a reference is empty "
          f"after tokenisation), {sum(len(v) for v in gt.values())} references")

    report = {"sets": len(keep), "metrics": {}}
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        p_file, g_file = os.path.join(tmp, "pred.json"), os.path.join(tmp, "gt.json")
        write(p_file, pred)
        write(g_file, gt)
        ours = {}
        for metric in ["bleu", "cider", "rouge", "meteor"]:
            r = r1kit("--metric", metric, "--pretokenized", "--json", "--per-sample", "--pred", p_file, "--gt", g_file)
            assert r["ids"] == keep, "r1kit scored the ids in another order"
            for name, value in r["scores"].items():
                ours[name] = (value, r["per_sample"][name])
            if metric == "meteor" and not r.get("meteor_modules", "").startswith(METEOR_ALL_MODULES):
                sys.exit(f"check_coco: r1kit's METEOR ran without METEOR's data ({r.get('meteor_modules')}): "
                         "is pycocoevalcap in the venv?")
        theirs = {}
        bleu, bleu_samples = Bleu(4).compute_score(gt, pred, verbose=0)
        for n in range(4):
            theirs[f"BLEU-{n + 1}"] = (bleu[n], bleu_samples[n])
        cider, cider_samples = Cider().compute_score(gt, pred)
        theirs["CIDEr"] = (cider, list(cider_samples))
        rouge, rouge_samples = Rouge().compute_score(gt, pred)
        theirs["ROUGE-L"] = (rouge, list(rouge_samples))
        meteor, meteor_samples = Meteor().compute_score(gt, pred)
        theirs["METEOR"] = (meteor, meteor_samples)

        print(f"{'metric':9} {'pycocoevalcap':>14} {'r1kit':>10} {'|corpus diff|':>14} {'max |sample diff|':>18}")
        for name, (ref_score, ref_samples) in theirs.items():
            our_score, our_samples = ours[name]
            d_corpus = abs(ref_score - our_score)
            d_sample = max_diff(ref_samples, our_samples)
            report["metrics"][name] = {"pycocoevalcap": ref_score, "r1kit": our_score,
                                       "corpus_diff": d_corpus, "max_sample_diff": d_sample}
            verdict = ""
            if max(d_corpus, d_sample) > EXACT_TOLERANCE:
                verdict = "  FAIL"
                failed = True
            print(f"{name:9} {ref_score:14.8f} {our_score:10.8f} {d_corpus:14.2e} {d_sample:18.2e}{verdict}")

        # Tokenisation: every raw text, r1kit's tokeniser against the Stanford jar.
        texts = {f"t{i}": [t] for i, t in enumerate([c for _, c, _ in data] + [r for _, _, rs in data for r in rs])}
        t_file = os.path.join(tmp, "texts.json")
        write(t_file, texts)
        our_tokens = r1kit("--tokenize", t_file)
        their_tokens = ptb(texts)
        mismatches = [(texts[k][0], their_tokens[k][0], our_tokens[k][0])
                      for k in texts if their_tokens[k][0] != our_tokens[k][0]]
        identical = 1 - len(mismatches) / len(texts)
        report["tokenizer"] = {"texts": len(texts), "identical": identical}
        print(f"tokeniser: {len(texts) - len(mismatches)} of {len(texts)} texts tokenised identically ({identical:.2%})")
        for raw, ref, our in mismatches[:5]:
            print(f"  {raw!r}\n    stanford: {ref!r}\n    r1kit:    {our!r}")
        failed |= identical < TOKENS_MIN_IDENTICAL

    if args.json:
        write(args.json, report)
    if failed:
        sys.exit("check_coco: r1kit's scores disagree with pycocoevalcap (see above)")
    print("check_coco: agreement OK")


if __name__ == "__main__":
    main()
