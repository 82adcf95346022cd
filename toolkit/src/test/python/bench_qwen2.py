"""Greedy decoding speed of r1kit's decoder next to Hugging Face transformers (eager attention),
on the same weights, prompt and thread count, measured in one run: each side warms up twice and
reports its best of --repeats runs (new tokens per second, prompt included).

    environment/setup.sh   # builds the toolkit jar the launcher runs
    python toolkit/src/test/python/bench_qwen2.py [--threads 2] [--new-tokens 64]

Models: the test fixture (tiny-qwen2, 0.1M parameters) and a seeded random ~50M-parameter Qwen2
(12 layers, width 512, 8 heads, 2 key/value heads, vocabulary 32,000, tied head), saved to a
temporary directory in the Hugging Face layout. Needs torch and transformers from PyPI.
"""
import argparse
import json
import os
import subprocess
import tempfile
import time

import torch
from transformers import Qwen2Config, Qwen2ForCausalLM

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
FIXTURE = os.path.join(ROOT, "toolkit", "src", "test", "resources", "io", "r1kit", "model", "lm", "tiny-qwen2")


def hf_tokens_per_second(path, prompt, new_tokens, repeats):
    model = Qwen2ForCausalLM.from_pretrained(path, dtype=torch.float32, attn_implementation="eager").eval()
    ids = torch.tensor([[(7 * i + 3) % model.config.vocab_size for i in range(prompt)]])
    kwargs = dict(max_new_tokens=new_tokens, min_new_tokens=new_tokens, do_sample=False, pad_token_id=0)
    with torch.no_grad():
        for _ in range(2):  # warm-up: allocator, BLAS buffers
            model.generate(ids, **kwargs)
        best = float("inf")
        for _ in range(repeats):  # the best run: least disturbed by other processes
            start = time.perf_counter()
            model.generate(ids, **kwargs)
            best = min(best, time.perf_counter() - start)
        return new_tokens / best


def r1kit_tokens_per_second(path, prompt, new_tokens, repeats, threads):
    out = subprocess.run([os.path.join(ROOT, "environment", "r1kit"), "model", "bench", path, "--json",
                          "--prompt", str(prompt), "--new-tokens", str(new_tokens), "--repeats", str(repeats),
                          "--threads", str(threads), "--dtype", "float32"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["runs"][0]["tokens_per_second"]


def fifty_million(path):
    torch.manual_seed(0)
    config = Qwen2Config(vocab_size=32000, hidden_size=512, intermediate_size=1408, num_hidden_layers=12,
                         num_attention_heads=8, num_key_value_heads=2, max_position_embeddings=2048,
                         tie_word_embeddings=True, use_sliding_window=False)
    model = Qwen2ForCausalLM(config)
    model.save_pretrained(path, safe_serialization=True)
    return sum(p.numel() for p in model.parameters())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--prompt", type=int, default=16)
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "qwen2-50m")
        params = fifty_million(big)
        print("| model | parameters | transformers eager (tokens/s) | r1kit (tokens/s) | ratio |")
        print("| --- | --- | --- | --- | --- |")
        for name, path, n in [("tiny-qwen2 fixture", FIXTURE, 107072), ("qwen2-50m (random)", big, params)]:
            hf = hf_tokens_per_second(path, args.prompt, args.new_tokens, args.repeats)
            r1 = r1kit_tokens_per_second(path, args.prompt, args.new_tokens, args.repeats, args.threads)
            print("| %s | %.1fM | %.1f | %.1f | %.2f |" % (name, n / 1e6, hf, r1, r1 / hf), flush=True)
    print("threads %d, prompt %d, %d new tokens, best of %d runs, torch %s" % (args.threads, args.prompt,
                                                                       args.new_tokens, args.repeats,
                                                                       torch.__version__))


if __name__ == "__main__":
    main()
