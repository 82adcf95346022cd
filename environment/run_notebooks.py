"""Executes r1kit notebooks headless with the "r1kit" kernel.

Each notebook runs top to bottom; the executed copy goes to OUT/<name>.ipynb and every image it
shows to OUT/<name>_files/. Exits non-zero, naming the notebook and cell, when a cell fails.

    .venv/bin/python environment/run_notebooks.py [--out out/notebooks] notebooks/00-quickstart.ipynb ...
"""
import argparse
import base64
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def save_images(nb, files_dir):
    """Writes each PNG output to files_dir; returns the paths written."""
    paths = []
    for index, cell in enumerate(nb.cells):
        for k, output in enumerate(cell.get("outputs", [])):
            png = output.get("data", {}).get("image/png")
            if png:
                os.makedirs(files_dir, exist_ok=True)
                path = os.path.join(files_dir, f"cell{index:02d}_{k}.png")
                with open(path, "wb") as f:
                    f.write(base64.b64decode(png))
                paths.append(path)
    return paths


def run(path, out_dir, timeout, startup_timeout):
    name = os.path.splitext(os.path.basename(path))[0]
    nb = nbformat.read(path, as_version=4)
    # The kernel starts in the notebook's folder, as in JupyterLab, so relative paths agree.
    folder = os.path.dirname(os.path.abspath(path))
    client = NotebookClient(nb, timeout=timeout, startup_timeout=startup_timeout, kernel_name="r1kit",
                            resources={"metadata": {"path": folder}})
    start = time.time()
    failed = None
    try:
        client.execute()
    except CellExecutionError as e:
        failed = e
    os.makedirs(out_dir, exist_ok=True)
    executed = os.path.join(out_dir, name + ".ipynb")
    nbformat.write(nb, executed)
    images = save_images(nb, os.path.join(out_dir, name + "_files"))
    if failed is not None:
        first = str(failed).strip().splitlines()
        print(f"FAILED {path}: {first[-1] if first else failed} (executed copy: {executed})", file=sys.stderr)
        return False
    print(f"ok     {path} in {time.time() - start:.1f}s -> {executed}"
          + (f" and {len(images)} images in {os.path.join(out_dir, name + '_files')}" if images else ""))
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--out", default="out/notebooks")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    # the kernel starts a JVM and imports the toolkit: over a minute on a busy machine
    ap.add_argument("--startup-timeout", type=int, default=300, help="seconds for the kernel to start")
    args = ap.parse_args()
    results = [run(nb, args.out, args.timeout, args.startup_timeout) for nb in args.notebooks]
    print(f"notebooks: {sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
