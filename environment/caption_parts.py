#!/usr/bin/env python3
"""What object captions get right, part by part, from `r1kit model evaluate --answers` files.

The data engine writes an object caption as "The <object> is a <colour> <material> <class> <place>. It is
for <use>. [A <neighbour>, ... stand(s) next to it.]". CIDEr scores a reply as one bag of n-grams; this
splits it into the parts a reader checks. Per model (the files' "model" field), over its object-caption
lines:
  words      mean length of the answer in words
  object     share whose subject's last word (the object's class: "monitor", "can", "table") is the
             reference's: the right object was described
  colour     share whose first word after "is a" is the reference's
  material   share whose second word after "is a" is the reference's
  neighbours share that name neighbours ("next to it"), and how often the answer adds them where the
             reference has none or leaves them out where it has some
Answers that do not open with "the ... is a(n) <word> <word>" count as wrong on object, colour and
material (the count of those is printed). Exit 1 when a tenth of the references or more do not open so:
the data engine's template has changed and this split no longer fits it.

Usage: python3 environment/caption_parts.py answers.jsonl [more.jsonl ...]
"""
import json
import re
import sys

OPENING = re.compile(r"\s*the (.+?) is an? ([a-z]+) ([a-z]+) ")


def parts(text):
    """(class, colour, material) of a caption's opening, or None when it does not open as the template."""
    m = OPENING.match(text.lower())
    if not m:
        return None
    subject = re.split(r" to the | next to | on | in ", m.group(1))[0]
    return subject.split()[-1], m.group(2), m.group(3)


def main(files):
    models = {}
    for name in files:
        with open(name, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                try:
                    row = json.loads(line)
                    if row["task"] == "object-caption":
                        models.setdefault(row["model"], []).append((row["reference"], row["answer"]))
                except (ValueError, KeyError) as e:
                    sys.exit(f"{name}:{number}: not a line of an answers file ({e})")
    if not models:
        sys.exit("no object-caption answers in " + ", ".join(files) + ": evaluate with --tasks object-caption")
    print(f"{'model':40} {'n':>4} {'words':>6} {'object':>7} {'colour':>7} {'material':>9} "
          f"{'neighbours':>11} {'(ref)':>6} {'added':>6} {'omitted':>8} {'unparsed':>9}")
    for model, rows in models.items():
        n = len(rows)
        right = [0, 0, 0]
        unparsed = 0
        bad_refs = sum(parts(reference) is None for reference, _ in rows)
        if bad_refs * 10 >= n:
            sys.exit(f"{model}: {bad_refs} of {n} references do not open as \"the <object> is a <colour> <material>\";"
                     " the caption template changed: update OPENING")
        added = omitted = named = named_ref = 0
        for reference, answer in rows:
            ref, hyp = parts(reference), parts(answer)
            if ref is None or hyp is None:
                unparsed += 1
            else:
                for k in range(3):
                    right[k] += ref[k] == hyp[k]
            r, h = "next to it" in reference.lower(), "next to it" in answer.lower()
            named += h
            named_ref += r
            added += h and not r
            omitted += r and not h
        words = sum(len(a.split()) for _, a in rows) / n
        print(f"{model[-40:]:40} {n:4d} {words:6.1f} {right[0] / n:7.3f} {right[1] / n:7.3f} {right[2] / n:9.3f} "
              f"{named / n:11.3f} {named_ref / n:6.3f} {added:6d} {omitted:8d} {unparsed:9d}")


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) > 1 else 2)
    main(sys.argv[1:])
