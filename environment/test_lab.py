"""Browser test of the notebooks in JupyterLab, started the way the README starts it (environment/lab.sh).

JupyterLab serves a temporary folder (R1KIT_LAB_ROOT) on 127.0.0.1 with a fresh token, so nothing is written
into notebooks/. The test checks that
  * a request without the token, or with a wrong one, is refused (403 from the API; the notebook page sends
    the browser to the login page instead),
  * headless Chromium, given the token, opens a small notebook of magics and toolkit calls, runs all its cells
    on the Java (r1kit) kernel, and no cell ends in an error,
  * an image output appears (an <img> that decoded, or a PNG output),
  * the 3D viewer appears: its iframe is in the notebook and its page reports `ready`,
  * with --executed, each executed copy written by run_notebooks.py, opened as it is (JupyterLab does not
    trust it, so it drops the viewer's iframe), still shows each viewer's still image.
Screenshots go to OUT (default out/lab).

    .venv/bin/python environment/test_lab.py [--executed out/notebooks/00-quickstart.ipynb] [--out out/lab]
"""
import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The notebook the browser runs: a scene summary with its render (HTML with an image), a chart (PNG) and the
# 3D viewer; seconds on a CPU once the kernel is up.
CELLS = ["%scene generate bedroom:7",
         "SceneCharts.labelCounts(R1.scene(\"bedroom:7\").scene())",
         "R1.scene(\"bedroom:7\").viewer()"]

# The notebook's panel among the main area's widgets (headless, the shell tracks no focused widget), activated.
PANEL = """window.r1kitPanel = (path) => {
  const app = window.jupyterapp;
  const panel = app && [...app.shell.widgets('main')].find(w => w.context && w.context.path === path);
  if (panel && app.shell.currentWidget !== panel) app.shell.activateById(panel.id);
  return panel;
}"""
# Runs every cell through JupyterLab's own command (the menu's Run > Run All Cells) once the kernel is ready.
RUN_ALL = """(() => {
  const app = window.jupyterapp, panel = window.r1kitPanel('browser.ipynb');
  window.r1kitRun = 'running';
  panel.context.sessionContext.ready
    .then(() => app.commands.execute('notebook:run-all-cells'))
    .then(ok => { window.r1kitRun = ok ? 'done' : 'failed'; }, e => { window.r1kitRun = 'error: ' + e; });
  return panel.context.path;
})()"""
# Every code cell has been run (an execution count) and the kernel is idle.
FINISHED = """(() => {
  const panel = window.r1kitPanel('browser.ipynb');
  if (!panel || window.r1kitRun !== 'done') return false;
  const kernel = panel.context.sessionContext.session && panel.context.sessionContext.session.kernel;
  const cells = panel.content.model.cells;
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type === 'code' && !c.executionCount) return false;
  }
  return kernel && kernel.status === 'idle';
})()"""
# What the notebook shows: errors of cells, images that decoded, viewer iframes and still images.
OUTPUTS = """((path) => {
  const panel = window.r1kitPanel(path), cells = panel.content.model.cells, errors = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type !== 'code') continue;
    for (let k = 0; k < c.outputs.length; k++) {
      const o = c.outputs.get(k).toJSON();
      if (o.output_type === 'error') errors.push('cell ' + i + ': ' + o.ename + ': ' + o.evalue);
    }
  }
  const node = panel.content.node;
  const images = [...node.querySelectorAll('.jp-OutputArea-output img')].filter(i => i.complete && i.naturalWidth > 0);
  return {errors: errors, images: images.length,
          viewers: node.querySelectorAll('.jp-OutputArea-output iframe.r1kit-viewer').length,
          stills: images.filter(i => i.classList.contains('r1kit-viewer-still')).length,
          cells: cells.length};
})"""
OPENED = "(() => { const p = window.r1kitPanel(%s); return !!p && p.context.isReady && p.content.widgets.length > 0; })()"
VIEWER_STATUS = "document.body && document.body.dataset.status !== 'loading' && document.body.dataset.status"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_status(url):
    """The status of a GET without following redirects, and where a redirect points."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    try:
        r = urllib.request.build_opener(NoRedirect).open(url, timeout=10)
        return r.status, ""
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location", "")
    except OSError:
        return None, ""


def write_notebook(path):
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [],
                     "source": src} for i, src in enumerate(CELLS)],
          "metadata": {"kernelspec": {"display_name": "Java (r1kit)", "language": "java", "name": "r1kit"},
                       "language_info": {"name": "java"}},
          "nbformat": 4, "nbformat_minor": 5}
    with open(path, "w") as f:
        json.dump(nb, f)


def viewers_in(path):
    """How many viewer outputs an executed notebook holds."""
    with open(path) as f:
        nb = json.load(f)
    count = 0
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            count += ("".join(html) if isinstance(html, list) else html).count('class="r1kit-viewer"')
    return count


def viewer_status(b, timeout):
    """The status the viewer page in the notebook's iframe reports (its own process or a frame's context)."""
    main = b.call("Page.getFrameTree")["frameTree"]["frame"]["id"]
    deadline, status = time.time() + timeout, None
    while time.time() < deadline and status != "ready":
        b.call("Runtime.evaluate", expression="1")  # lets events of new frames arrive
        targets = [(s, None) for s in b.sessions]
        targets += [(None, e["params"]["context"]["id"]) for e in b.events
                    if e["method"] == "Runtime.executionContextCreated" and "sessionId" not in e
                    and e["params"]["context"].get("auxData", {}).get("frameId") not in (None, main)]
        for session, context in targets:
            params = {"contextId": context} if context is not None else {}
            try:
                r = b.call("Runtime.evaluate", session=session, expression=VIEWER_STATUS, returnByValue=True, **params)
            except RuntimeError:
                continue  # a context that has gone (the frame navigated)
            value = r.get("result", {}).get("value")
            if value:
                status = value
                break
        time.sleep(0.5)
    return status


def open_notebook(b, port, token, name):
    b.call("Page.navigate", url=f"http://127.0.0.1:{port}/lab/tree/{name}?token={token}")
    if not b.wait_for("document.readyState === 'complete' && !!window.jupyterapp", 120):
        raise RuntimeError(f"{name}: JupyterLab did not load within 120 s")
    b.evaluate(PANEL)
    if not b.wait_for(OPENED % json.dumps(name), 120):
        raise RuntimeError(f"{name}: JupyterLab did not open the notebook within 120 s")


def shoot(b, out, name, selector):
    # JupyterLab's question about news would cover part of the picture: answer it
    b.evaluate("(() => { const no = [...document.querySelectorAll('.jp-toast-button, button')]"
               ".find(e => e.textContent.trim() === 'No'); if (no) no.click(); return !!no; })()")
    b.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (e) e.scrollIntoView(); return !!e; }})()")
    time.sleep(1.5)
    path = os.path.join(out, name + ".png")
    with open(path, "wb") as f:
        f.write(b.screenshot())
    return path


def run_all(port, token, out, timeout):
    failures = []
    with cdp.Browser(width=1200, height=900) as b:
        for domain in ("Runtime", "Page"):
            b.call(domain + ".enable")
        b.attach_to_children("Runtime")
        open_notebook(b, port, token, "browser.ipynb")
        b.evaluate(RUN_ALL)
        if not b.wait_for(FINISHED, timeout):
            failures.append(f"browser.ipynb: the cells did not finish within {timeout} s ({b.evaluate('window.r1kitRun')})")
        seen = b.evaluate(OUTPUTS + "('browser.ipynb')")
        failures += [f"browser.ipynb: {e}" for e in seen["errors"]]
        if seen["images"] < 2:
            failures.append(f"browser.ipynb: {seen['images']} images shown, expected the render and the chart")
        if seen["viewers"] != 1:
            failures.append(f"browser.ipynb: {seen['viewers']} viewer iframes shown, expected 1")
        status = viewer_status(b, 90) if seen["viewers"] else None
        if seen["viewers"] and status != "ready":
            failures.append(f"browser.ipynb: the viewer page reports {status!r}, not 'ready'")
        shot = shoot(b, out, "browser-viewer", "iframe.r1kit-viewer")
        print(f"  browser.ipynb: {seen['cells']} cells run, {seen['images']} images, {seen['viewers']} viewer"
              f" ({status}); screenshot {shot}")
    return failures


def executed(port, token, out, name):
    with cdp.Browser(width=1200, height=900) as b:
        b.call("Page.enable")
        open_notebook(b, port, token, name)
        time.sleep(3)  # outputs render after the cells appear
        seen = b.evaluate(OUTPUTS + f"({json.dumps(name)})")
        shot = shoot(b, out, "executed-" + os.path.splitext(name)[0], "img.r1kit-viewer-still")
        print(f"  {name} (executed copy, not trusted): {seen['images']} images, {seen['viewers']} viewer iframes,"
              f" {seen['stills']} viewer stills; screenshot {shot}")
        return seen


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(ROOT, "out", "lab"))
    ap.add_argument("--executed", action="append", default=[], help="an executed notebook to open as it is")
    ap.add_argument("--timeout", type=int, default=600, help="seconds for the cells to run")
    args = ap.parse_args()
    if cdp.find_chromium() is None:
        print("test_lab.py: Chromium is not installed (Debian: apt-get install -y chromium)", file=sys.stderr)
        return 1
    os.makedirs(args.out, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="r1kit-lab-")
    write_notebook(os.path.join(folder, "browser.ipynb"))
    stills = {}
    for path in args.executed:
        stills[os.path.basename(path)] = viewers_in(path)
        shutil.copy(path, os.path.join(folder, os.path.basename(path)))
    port, token = free_port(), secrets.token_hex(16)
    # a workspace of its own: JupyterLab would otherwise reopen the tabs (and start the kernels) of the last
    # session saved in the user's ~/.jupyter, and run the cells in whichever notebook came up first
    env = dict(os.environ, R1KIT_LAB_TOKEN=token, R1KIT_LAB_ROOT=folder,
               JUPYTERLAB_WORKSPACES_DIR=os.path.join(folder, ".workspaces"))
    log = open(os.path.join(args.out, "lab.log"), "w")
    lab = subprocess.Popen([os.path.join(ROOT, "environment", "lab.sh"), "--port", str(port), "--expose-app-in-browser"],
                           env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    failures = []
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 120
        while http_status(f"{base}/api/status?token={token}")[0] != 200:
            if time.time() > deadline or lab.poll() is not None:
                raise RuntimeError(f"JupyterLab did not start on {base} (log: {log.name})")
            time.sleep(1)
        refused = {"no token": http_status(f"{base}/api/contents"),
                   "wrong token": http_status(f"{base}/api/contents?token={token[::-1]}")}
        for what, (code, _) in refused.items():
            if code != 403:
                failures.append(f"a request with {what} got {code}, not 403")
        code, where = http_status(f"{base}/lab/tree/browser.ipynb")
        if code != 302 or "/login" not in where:
            failures.append(f"the notebook page without the token got {code} {where!r}, not a redirect to the login")
        print(f"  JupyterLab on 127.0.0.1:{port}: API without the token {refused['no token'][0]}, with a wrong one"
              f" {refused['wrong token'][0]}; the notebook page without it {code} to {where or '-'}")
        failures += run_all(port, token, args.out, args.timeout)
        for name, count in stills.items():
            seen = executed(port, token, args.out, name)
            if count == 0 or seen["viewers"] + seen["stills"] < count:
                failures.append(f"{name}: {count} viewers in the file, {seen['stills']} still images and"
                                f" {seen['viewers']} viewers shown")
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)
    for f in failures:
        print("FAILED " + f, file=sys.stderr)
    print(f"lab: {'all checks passed' if not failures else str(len(failures)) + ' problems'}; screenshots in {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
