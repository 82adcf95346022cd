"""Training-step and GRPO-style sampling speed of r1kit's decoder next to Hugging Face transformers
(eager attention), on the same seeded random weights and thread count, back to back in one run.

    environment/setup.sh   # builds the toolkit jar the launcher runs
    python toolkit/src/test/python/bench_steps.py [--threads 2] [--rounds 3] [--quick]

Each side runs in a fresh process per model (a JVM through `r1kit model bench-steps`, a Python through
this script with --side hf) and times every iteration, on the wall clock and in process CPU time:
training steps at each T, then sampling calls.
A training step: batch 8 rows of T tokens, forward, mean negative log-probability of the next tokens,
backward, gradient clipping to norm 1, AdamW (weight decay 0.01), zeroed gradients. A sampling call:
8 copies of one 32-token prompt, 64 new tokens each at temperature 1 (no top-k, no top-p, no stop
token), keeping each drawn token's log-probability, as a GRPO group does.

Printed: two tables, one of the medians of the iterations after --warmup of them, one of the medians
of iterations 3 to 5, after only two (what a command-line run or a notebook cell sees); ratio = r1kit's
speed over transformers' (above 1: r1kit is faster). --before LAUNCHER adds another build of r1kit (its
environment/r1kit) to the same rounds, for a before/after comparison. With --rounds R the sides alternate order each
round and the table shows the median over rounds. --clock cpu ranks by CPU time instead: on a machine
shared with other work, with --threads 1, it counts the work each side does rather than its share of the
cores. --device cuda runs both sides on the GPU (r1kit with --device gpu; each figure ends with a read of
its result, so queued GPU work is inside the time); --dtype float16 samples in half precision on both sides
(the weights loaded again and cast), while training steps run in float32 on both (r1kit cannot train a
half-precision graph: DJL 0.36's cast runs without gradients). Needs torch and transformers from PyPI.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import torch
from transformers import Qwen2Config, Qwen2ForCausalLM

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))

# the shipped nano decoder's shape, and a ~25M-parameter one (both with the nano vocabulary of 591)
MODELS = {
    "nano": dict(hidden_size=256, intermediate_size=768, num_hidden_layers=4, num_attention_heads=4,
                 num_key_value_heads=2),
    "25m": dict(hidden_size=512, intermediate_size=1536, num_hidden_layers=8, num_attention_heads=8,
                num_key_value_heads=2),
}


def save_random(name, path):
    torch.manual_seed(0)
    config = Qwen2Config(vocab_size=591, max_position_embeddings=2048, tie_word_embeddings=True,
                         use_sliding_window=False, rms_norm_eps=1e-6, **MODELS[name])
    model = Qwen2ForCausalLM(config)
    model.save_pretrained(path, safe_serialization=True)
    return sum(p.numel() for p in model.parameters())


def hf_side(args):
    """Times transformers eager in this process; prints the same JSON as `r1kit model bench-steps`."""
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    model = Qwen2ForCausalLM.from_pretrained(args.dir, dtype=torch.float32, attn_implementation="eager")
    model = model.to(device)
    vocab = model.config.vocab_size
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01)
    result = {"train": [], "batch": args.batch, "new_tokens": args.new_tokens}
    model.train()
    for t in args.seq:
        gen = torch.Generator().manual_seed(t)
        times, cpu = [], []
        for _ in range(args.iterations):
            ids = torch.randint(0, vocab, (args.batch, t + 1), generator=gen).to(device)
            start, start_cpu = time.perf_counter(), time.process_time()
            logits = model(input_ids=ids[:, :-1]).logits.float()
            loss = -torch.log_softmax(logits, -1).gather(2, ids[:, 1:, None]).mean()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            optimizer.zero_grad()
            loss.item()
            times.append((time.perf_counter() - start) * 1e3)
            cpu.append((time.process_time() - start_cpu) * 1e3)
        result["train"].append({"seq": t, "ms": times, "cpu_ms": cpu})
    model = Qwen2ForCausalLM.from_pretrained(args.dir, dtype=torch.float32, attn_implementation="eager")
    model = model.to(device=device, dtype=getattr(torch, args.dtype)).eval()
    model.generation_config.eos_token_id = None
    gen = torch.Generator().manual_seed(1)
    prompt = torch.randint(0, vocab, (1, args.prompt), generator=gen).repeat(args.batch, 1).to(device)
    times, cpu = [], []
    with torch.no_grad():
        for i in range(args.iterations):
            torch.manual_seed(i)
            start, start_cpu = time.perf_counter(), time.process_time()
            out = model.generate(prompt, do_sample=True, temperature=1.0, top_k=0, top_p=1.0,
                                 max_new_tokens=args.new_tokens, pad_token_id=0, output_scores=True,
                                 return_dict_in_generate=True)
            log_probs = model.compute_transition_scores(out.sequences, out.scores, normalize_logits=True)
            log_probs.sum().item()  # the call is over once its result is read
            times.append((time.perf_counter() - start) * 1e3)
            cpu.append((time.process_time() - start_cpu) * 1e3)
            assert log_probs.shape == (args.batch, args.new_tokens)
    result["sample_ms"] = times
    result["sample_cpu_ms"] = cpu
    print(json.dumps(result))


def run_side(side, path, args):
    common = ["--batch", str(args.batch), "--seq", ",".join(map(str, args.seq)), "--prompt", str(args.prompt),
              "--new-tokens", str(args.new_tokens), "--iterations", str(args.iterations),
              "--threads", str(args.threads), "--dtype", args.dtype]
    if side == "hf":
        common += ["--device", args.device]
        command = [sys.executable, os.path.abspath(__file__), "--side", "hf", "--dir", path] + common
    else:
        launcher = args.before if side == "before" else os.path.join(ROOT, "environment", "r1kit")
        command = [launcher, "model", "bench-steps", path, "--json", "--device",
                   "gpu" if args.device.startswith("cuda") else "cpu"] + common
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("bench_steps.py: %s side failed (exit %d): %s" % (side, done.returncode, done.stderr.strip()[-2000:]))
    return json.loads(done.stdout)


def figures(result, args):
    """Per figure (train T=..., sample): (warm, short) in ms per step or tokens/s."""
    out = {}
    key = "cpu_ms" if args.clock == "cpu" else "ms"
    rows = [("train T=%d" % r["seq"], r[key], False) for r in result["train"]]
    rows.append(("sample", result["sample_" + key], True))
    for name, ms, rate in rows:
        warm = statistics.median(ms[args.warmup:])
        short = statistics.median(ms[2:5])
        tokens = result["batch"] * result["new_tokens"]
        out[name] = tuple(tokens / (m / 1e3) if rate else m for m in (warm, short))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--side", choices=["both", "hf"], default="both", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("--models", default="nano,25m")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--seq", default="64,256")
    parser.add_argument("--prompt", type=int, default=32)
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--before", help="the r1kit launcher of another build, timed in the same rounds")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                        help="wall-clock time, or CPU time of each side's process (less disturbed on a busy machine)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda: where both sides run")
    parser.add_argument("--dtype", choices=["float32", "float16"], default="float32",
                        help="compute type of the sampling calls on both sides (training runs in float32)")
    parser.add_argument("--quick", action="store_true", help="T=64 only, 6 iterations, 3 warm-up")
    args = parser.parse_args()
    if args.quick:
        args.seq, args.iterations, args.warmup = "64", 6, 3
    args.seq = [int(s) for s in str(args.seq).split(",")]
    if args.iterations < max(5, args.warmup + 1):
        parser.error("--iterations must exceed --warmup and be at least 5")
    if args.side == "hf":
        return hf_side(args)
    torch.set_num_threads(args.threads)
    sides = ["r1kit", "hf"] + (["before"] if args.before else [])
    table = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.models.split(","):
            path = os.path.join(tmp, name)
            params = save_random(name, path)
            per_round = {side: [] for side in sides}
            for r in range(args.rounds):
                for side in sides[r % len(sides):] + sides[:r % len(sides)]:  # a different side first each round
                    per_round[side].append(figures(run_side(side, path, args), args))
                    print("%s round %d %s: %s" % (name, r + 1, side, {k: tuple(round(x, 1) for x in v)
                                                                      for k, v in per_round[side][-1].items()}),
                          flush=True)
            for figure in per_round["r1kit"][0]:
                table.append(("%s %.1fM" % (name, params / 1e6), figure, {
                    side: [statistics.median(f[figure][which] for f in per_round[side]) for which in (0, 1)]
                    for side in sides}))
    for which, title in ((0, "after %d warm-up iterations" % args.warmup), (1, "after 2 warm-up iterations")):
        columns = ["r1kit", "transformers", "ratio"] + (["before", "ratio before"] if args.before else [])
        print("\n%s\n| model | figure | %s |" % (title, " | ".join(columns)))
        print("|" + " --- |" * (2 + len(columns)))
        for model, figure, medians in table:
            rate = figure == "sample"
            hf = medians["hf"][which]
            cells = []
            for side in ["r1kit"] + (["before"] if args.before else []):
                mine = medians[side][which]
                cells += ["%.1f" % mine, "%.2f" % (mine / hf if rate else hf / mine)]
            cells.insert(1, "%.1f" % hf)
            print("| %s | %s | %s |" % (model, figure, " | ".join(cells)))
    print("%s; train: ms/step; sample: new tokens/s; ratio = r1kit's speed over transformers'; batch %d, "
          "sampling prompt %d + %d new tokens; %d threads each; %d iterations per figure, medians of %d round(s); "
          "%s, %s; torch %s" % ("CPU time" if args.clock == "cpu" else "wall clock", args.batch, args.prompt,
                                args.new_tokens, args.threads, args.iterations, args.rounds, args.device,
                                args.dtype, torch.__version__))


if __name__ == "__main__":
    main()
