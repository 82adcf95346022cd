"""Builds the reference fixtures for r1kit's Qwen2 decoder with Hugging Face transformers.

Two tiny randomly initialised Qwen2 models (seeded), saved in the Hugging Face layout, and the
outputs of transformers' eager implementation on fixed inputs:

  tiny-qwen2/       untied LM head, float32 weights; fixture.json holds
                    - logits of every position for a fixed prompt,
                    - greedy continuations with and without the KV cache,
                    - logits for prefix embeddings spliced before the prompt (inputs_embeds),
                    - a left-padded batch and its greedy continuations.
  tiny-qwen2-tied/  tied LM head, weights stored as bfloat16; the reference runs in float32 on
                    the bfloat16-rounded weights, so reading BF16 is checked too.

Run from the repository root (needs torch, transformers, safetensors from PyPI):

    python toolkit/src/test/python/make_qwen2_fixture.py

CI does not run this script; it only reads the committed output.
"""
import json
import os

import torch
from transformers import Qwen2Config, Qwen2ForCausalLM

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "r1kit", "model", "lm")
PROMPT = [5, 17, 42, 99, 3, 250, 7, 64]
NEW_TOKENS = 12


def round7(x):
    """float32 values as JSON numbers with 8 significant digits (exact enough for 1e-4)."""
    return [float("%.8g" % v) for v in x]


def build(seed, tied, vocab, hidden, inter, layers, heads, kv_heads):
    torch.manual_seed(seed)
    config = Qwen2Config(vocab_size=vocab, hidden_size=hidden, intermediate_size=inter,
                         num_hidden_layers=layers, num_attention_heads=heads,
                         num_key_value_heads=kv_heads, max_position_embeddings=128,
                         rope_theta=10000.0, rms_norm_eps=1e-6, tie_word_embeddings=tied,
                         bos_token_id=1, eos_token_id=2, pad_token_id=0, use_sliding_window=False,
                         attn_implementation="eager")
    model = Qwen2ForCausalLM(config).eval()
    # Larger weights than the default initialisation, random biases and norm scales, so that
    # every tensor matters and greedy choices are not near-ties.
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.copy_(1 + 0.1 * torch.randn_like(p))
            elif name.endswith(".bias"):
                p.copy_(0.1 * torch.randn_like(p))
            else:
                p.copy_(0.15 * torch.randn_like(p))
    return model


def greedy(model, ids, use_cache, mask=None):
    out = model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=NEW_TOKENS, do_sample=False,
                         use_cache=use_cache, pad_token_id=0, eos_token_id=None)
    return out[:, ids.shape[1]:].tolist()


def min_margin(model, ids, tokens):
    """Smallest gap between the best and second-best logit along the greedy path."""
    seq = ids[0].tolist() + tokens
    with torch.no_grad():
        logits = model(torch.tensor([seq])).logits[0]
    gaps = []
    for i in range(len(ids[0]) - 1, len(seq) - 1):
        top = torch.topk(logits[i], 2).values
        gaps.append(float(top[0] - top[1]))
    return min(gaps)


def untied():
    model = build(seed=1234, tied=False, vocab=256, hidden=64, inter=128, layers=2, heads=4, kv_heads=2)
    path = os.path.join(OUT, "tiny-qwen2")
    model.save_pretrained(path, safe_serialization=True)
    ids = torch.tensor([PROMPT])
    with torch.no_grad():
        logits = model(ids).logits[0]
        torch.manual_seed(7)
        prefix = torch.randn(1, 3, model.config.hidden_size)
        embeds = torch.cat([prefix, model.get_input_embeddings()(ids)], dim=1)
        prefix_logits = model(inputs_embeds=embeds).logits[0, -1]
    with_cache = greedy(model, ids, True)[0]
    without_cache = greedy(model, ids, False)[0]
    assert with_cache == without_cache, (with_cache, without_cache)
    short = [9, 8, 7]
    batch = torch.tensor([[0] * (len(PROMPT) - len(short)) + short, PROMPT])
    mask = (torch.arange(len(PROMPT))[None, :] >= torch.tensor([[len(PROMPT) - len(short)], [0]])).long()
    batch_greedy = greedy(model, batch, True, mask)
    fixture = {
        "prompt": PROMPT,
        "logits": [round7(row.tolist()) for row in logits],
        "greedy": with_cache,
        "greedy_min_margin": min_margin(model, ids, with_cache),
        "prefix_embeddings": [round7(row.tolist()) for row in prefix[0]],
        "prefix_last_logits": round7(prefix_logits.tolist()),
        "batch_prompts": [short, PROMPT],
        "batch_greedy": batch_greedy,
        "transformers": __import__("transformers").__version__,
        "torch": torch.__version__,
    }
    with open(os.path.join(path, "fixture.json"), "w") as f:
        json.dump(fixture, f)
    print("tiny-qwen2: greedy", with_cache, "margin %.4f" % fixture["greedy_min_margin"])


def tied_bf16():
    model = build(seed=99, tied=True, vocab=128, hidden=32, inter=64, layers=1, heads=4, kv_heads=1)
    model = model.to(torch.bfloat16)
    path = os.path.join(OUT, "tiny-qwen2-tied")
    model.save_pretrained(path, safe_serialization=True)
    # Reload in float32 (bfloat16 values are exact in float32); converting the model in place would
    # also leave its rotary inverse frequencies rounded to bfloat16.
    model = Qwen2ForCausalLM.from_pretrained(path, dtype=torch.float32, attn_implementation="eager").eval()
    ids = torch.tensor([[5, 17, 42, 99, 3, 7]])
    with torch.no_grad():
        logits = model(ids).logits[0]
    tokens = greedy(model, ids, True)[0]
    fixture = {"prompt": ids[0].tolist(), "logits": [round7(r.tolist()) for r in logits], "greedy": tokens,
               "greedy_min_margin": min_margin(model, ids, tokens)}
    with open(os.path.join(path, "fixture.json"), "w") as f:
        json.dump(fixture, f)
    print("tiny-qwen2-tied: greedy", tokens, "margin %.4f" % fixture["greedy_min_margin"])


TEXTS = ["the chair is next to the table.", "<|im_start|>user\nwhere is the red sofa?<|im_end|>",
         "a lamp stands on the desk near the window"]


def tokenizer():
    """A small byte-level BPE in the tokenizer.json format of Hugging Face tokenizers, with
    Qwen2's special tokens, trained on a few scene sentences; ids stay below the model's vocab."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    corpus = ["the chair is next to the table", "where is the red sofa", "a lamp on the desk",
              "the bed is near the window", "find the brown chair"] * 20
    # The byte-level symbols of every character used here, so each text round-trips.
    alphabet = sorted({ch for text in corpus + TEXTS
                       for piece, _ in tok.pre_tokenizer.pre_tokenize_str(text) for ch in piece})
    trainer = trainers.BpeTrainer(vocab_size=256, special_tokens=specials, show_progress=False,
                                  initial_alphabet=alphabet)
    tok.train_from_iterator(corpus, trainer)
    path = os.path.join(OUT, "tiny-qwen2", "tokenizer.json")
    tok.save(path)
    cases = [{"text": t, "ids": tok.encode(t).ids} for t in TEXTS]
    assert all(max(c["ids"]) < 256 for c in cases)
    with open(os.path.join(OUT, "tiny-qwen2", "tokenizer_fixture.json"), "w") as f:
        json.dump(cases, f)
    print("tokenizer:", cases[1])


if __name__ == "__main__":
    untied()
    tokenizer()
    tied_bf16()
