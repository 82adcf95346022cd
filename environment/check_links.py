#!/usr/bin/env python3
"""Checks every relative link of the tracked Markdown files and of the notebooks' Markdown cells.

A link to a file must name one that exists; a link with #fragment into a Markdown file must name one of
its headings (GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered) or an
<a id>. Prints one line per broken link, FILE: TARGET: why, and exits with 1 when there is one.
Usage: environment/check_links.py [FILE...] (default: git ls-files '*.md' '*.ipynb').
"""
import functools
import json
import os
import re
import subprocess
import sys

LINK = re.compile(r'\]\(([^)\s]+)(?:\s+"[^"]*")?\)')
HEADING = re.compile(r'^(#{1,6})\s+(.*?)\s*#*\s*$')


def markdown(path):
    """The Markdown text of a file: a notebook's Markdown cells, or the file itself."""
    with open(path, encoding='utf-8') as f:
        if not path.endswith('.ipynb'):
            return f.read()
        cells = json.load(f).get('cells', [])
    return '\n\n'.join(''.join(c.get('source', [])) for c in cells if c.get('cell_type') == 'markdown')


def without_fences(text):
    """The text without fenced code blocks, whose lines are neither headings nor links."""
    return re.sub(r'^```.*?^```', '', text, flags=re.S | re.M)


@functools.lru_cache(maxsize=None)
def anchors(path):
    """The #fragments a file's headings (and <a id>s) answer to."""
    found, seen = set(), {}
    text = without_fences(markdown(path))
    for m in filter(None, map(HEADING.match, text.split('\n'))):
        slug = re.sub(r'[^\w\- ]', '', m.group(2).strip().lower()).replace(' ', '-')
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        found.add(slug if n == 0 else f'{slug}-{n}')
    found.update(re.findall(r'<a (?:name|id)="([^"]+)"', text))
    return frozenset(found)


def broken(path):
    # inline code spans go too: brackets in them are not links
    for target in LINK.findall(re.sub(r'`[^`\n]*`', '', without_fences(markdown(path)))):
        if re.match(r'^[a-zA-Z][a-zA-Z+.-]*:', target):
            continue
        file, _, fragment = target.partition('#')
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), file)) if file else path
        if not os.path.exists(resolved):
            yield f'{path}: {target}: no such file'
        elif fragment and resolved.endswith(('.md', '.ipynb')) and fragment not in anchors(resolved):
            yield f'{path}: {target}: no heading #{fragment} in {resolved}'


def main(args):
    files = args or subprocess.run(['git', 'ls-files', '*.md', '*.ipynb'], capture_output=True, text=True,
                                   check=True).stdout.split()
    bad = [line for f in files for line in broken(f)]
    for line in bad:
        print(line)
    print(f'links: {len(files)} files, {len(bad)} broken')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
