"""Talks to a real "Java (r1kit)" kernel over ZeroMQ, as Jupyter does.

Run after environment/setup.sh:  .venv/bin/pytest magics/src/test/python
"""
import queue

import pytest
from jupyter_client.manager import start_new_kernel

TIMEOUT = 180


@pytest.fixture(scope="module")
def kernel():
    km, kc = start_new_kernel(kernel_name="r1kit", startup_timeout=TIMEOUT)
    try:
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def run(kc, code):
    """Executes code; returns (status, stdout text, list of display/result data dicts, error)."""
    msg_id = kc.execute(code)
    stdout, data, error = [], [], None
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"no answer from the kernel within {TIMEOUT}s for: {code}")
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream" and content["name"] == "stdout":
            stdout.append(content["text"])
        elif kind in ("execute_result", "display_data"):
            data.append(content["data"])
        elif kind == "error":
            error = content
        elif kind == "status" and content["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], "".join(stdout), data, error


def test_version_magic_runs_in_the_kernel(kernel):
    status, _, data, error = run(kernel, "%r1 version")
    assert status == "ok", error
    text = data[-1]["text/plain"]
    assert text.startswith("r1kit ") and "PyTorch 2.7.1" in text, text


def test_unknown_magic_command_is_an_error_naming_it(kernel):
    status, _, _, error = run(kernel, "%r1 frobnicate")
    assert status == "error"
    assert "unknown command 'frobnicate'" in error["evalue"] + "".join(error["traceback"])


def test_startup_script_imports_the_toolkit(kernel):
    status, _, data, error = run(kernel, "Version.get()")
    assert status == "ok", error
    assert data[-1]["text/plain"].strip('"') not in ("", "unknown")


def test_toolkit_tables_display_as_html(kernel):
    code = 'io.r1kit.display.Table.of("T", List.of("a"), List.of(List.of("<x>")))'
    status, _, data, error = run(kernel, code)
    assert status == "ok", error
    assert "<td>&lt;x&gt;</td>" in data[-1]["text/html"]


def test_charts_display_as_png(kernel):
    code = ('var cloud = new PointCloud(new float[]{0,0,0, 1,1,1}, new float[]{0,0,0, 1,1,1}, null);\n'
            'var scene = Scene.builder("t").points(cloud)'
            '.addObject(new SceneObject(1, "chair", 5, new Box3(.5f,.5f,.5f,1,1,1), new int[]{0,1})).build();\n'
            'SceneCharts.labelCounts(scene)')
    status, _, data, error = run(kernel, code)
    assert status == "ok", error
    png = data[-1].get("image/png", "")
    assert png.startswith("iVBORw0KGgo"), data[-1].keys()  # base64 of the PNG signature


def test_viewer_displays_as_an_iframe_with_its_page(kernel):
    # Viewer3D and ViewerOptions come from the startup imports.
    code = ('var pair = Scene.builder("t").points(new PointCloud(new float[]{0,0,0, 1,1,1},'
            ' new float[]{0,0,0, 1,1,1}, null))'
            '.addObject(new SceneObject(1, "chair", 5, new Box3(.5f,.5f,.5f,1,1,1), new int[]{0,1})).build();\n'
            'Viewer3D.of(pair, ViewerOptions.defaults().withHeight(300))')
    status, _, data, error = run(kernel, code)
    assert status == "ok", error
    html = data[-1]["text/html"]
    assert html.startswith('<iframe class="r1kit-viewer" title="t" sandbox="allow-scripts"'), html[:200]
    assert "height: 300px" in html and "srcdoc=\"&lt;!DOCTYPE html&gt;" in html
    assert data[-1]["text/plain"] == "Viewer3D[t, 2 of 2 points, 1 boxes]"
