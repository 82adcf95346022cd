"""Last-position logits of r1kit's decoder next to Hugging Face transformers (eager attention) on the
same seeded random Qwen2 weights, on one device and compute dtype, with transformers in float32 on the
CPU as the common reference.

    environment/setup.sh   # builds the toolkit jar the launcher runs
    python toolkit/src/test/python/check_logits.py [--device cuda] [--dtypes float32,float16]

Prints, per model and dtype, the largest absolute difference between r1kit and transformers on that
device and dtype, each side's largest difference from the float32 CPU reference, and whether the top-10
tokens agree. Exits with 1 when r1kit and transformers differ by more than --tolerance-fp32 in float32
or by more than --tolerance-fp16 in float16. Models: the shapes of bench_steps.py. Needs torch and
transformers from PyPI.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import torch
from transformers import Qwen2ForCausalLM
from transformers.utils import logging as hf_logging

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_steps import MODELS, ROOT, save_random  # noqa: E402


def hf_logits(path, tokens, device, dtype):
    model = Qwen2ForCausalLM.from_pretrained(path, dtype=torch.float32, attn_implementation="eager")
    model = model.to(device=device, dtype=getattr(torch, dtype)).eval()
    with torch.no_grad():
        out = model(input_ids=torch.tensor([tokens], device=device)).logits[0, -1]
    return out.float().cpu()


def r1kit_logits(path, tokens, device, dtype):
    command = [os.path.join(ROOT, "environment", "r1kit"), "model", "logits", path, "--json", "--tokens",
               ",".join(map(str, tokens)), "--device", "gpu" if device.startswith("cuda") else "cpu",
               "--dtype", dtype]
    out = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    return torch.tensor(out["logits"]), out["compute_dtype"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--dtypes", default="float32,float16")
    parser.add_argument("--models", default="nano,25m")
    parser.add_argument("--tokens", type=int, default=48, help="prompt length (seeded random ids)")
    parser.add_argument("--tolerance-fp32", type=float, default=1e-3)
    parser.add_argument("--tolerance-fp16", type=float, default=0.05)
    args = parser.parse_args()
    hf_logging.disable_progress_bar()
    failed = False
    print("| model | dtype | device | max abs diff r1kit - transformers | r1kit - fp32 CPU | transformers - fp32 CPU "
          "| top-10 same |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.models.split(","):
            if name not in MODELS:
                parser.error("unknown model %s (known: %s)" % (name, ", ".join(MODELS)))
            path = os.path.join(tmp, name)
            save_random(name, path)
            gen = torch.Generator().manual_seed(7)
            tokens = torch.randint(0, 591, (args.tokens,), generator=gen).tolist()
            reference = hf_logits(path, tokens, "cpu", "float32")
            for dtype in args.dtypes.split(","):
                hf = hf_logits(path, tokens, args.device, dtype)
                mine, computed = r1kit_logits(path, tokens, args.device, dtype)
                diff = (mine - hf).abs().max().item()
                same = torch.equal(mine.topk(10).indices, hf.topk(10).indices)
                limit = args.tolerance_fp32 if dtype == "float32" else args.tolerance_fp16
                failed |= diff > limit
                print("| %s | %s (r1kit: %s) | %s | %.2e | %.2e | %.2e | %s |" % (
                    name, dtype, computed, args.device, diff, (mine - reference).abs().max().item(),
                    (hf - reference).abs().max().item(), "yes" if same else "no"), flush=True)
    print("%d prompt tokens, seeded random weights; torch %s%s" % (
        args.tokens, torch.__version__,
        ", " + torch.cuda.get_device_name() if args.device.startswith("cuda") else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
