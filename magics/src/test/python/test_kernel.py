"""Talks to a real "Java (r1kit)" kernel over ZeroMQ, as Jupyter does.

Run after environment/setup.sh:  .venv/bin/pytest magics/src/test/python
"""
import json
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
    status, stdout, data, error, _ = run_with_stderr(kc, code)
    return status, stdout, data, error


def run_with_stderr(kc, code):
    """As run, and the stderr text last."""
    status, stdout, data, error, stderr, _ = run_with_updates(kc, code)
    return status, stdout, data, error, stderr


def run_with_updates(kc, code):
    """As run_with_stderr, and last the data of each update_display_data (a display updated in place)."""
    msg_id = kc.execute(code)
    stdout, stderr, data, error, updates = [], [], [], None, []
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
        elif kind == "stream" and content["name"] == "stderr":
            stderr.append(content["text"])
        elif kind in ("execute_result", "display_data"):
            data.append(content["data"])
        elif kind == "update_display_data":
            updates.append(content["data"])
        elif kind == "error":
            error = content
        elif kind == "status" and content["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], "".join(stdout), data, error, "".join(stderr), updates


def test_version_magic_runs_in_the_kernel(kernel):
    status, _, data, error = run(kernel, "%r1 version")
    assert status == "ok", error
    text = data[-1]["text/plain"]
    assert text.startswith("r1kit ") and "PyTorch 2.7.1" in text, text


def refusal(kernel, code):
    """A refused magic: nothing shown, its reason on stderr, no stack trace."""
    status, _, data, error, stderr = run_with_stderr(kernel, code)
    assert status == "ok" and data == [], (status, data, error)
    assert "\tat " not in stderr and "Exception" not in stderr, stderr
    return stderr.rstrip("\n")


def test_unknown_magic_command_is_an_error_naming_it(kernel):
    assert refusal(kernel, "%r1 frobnicate").startswith("%r1: unknown command 'frobnicate'\nr1kit magics")


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
    assert html.startswith('<div class="r1kit-viewer-row"'), html[:200]
    assert '<img class="r1kit-viewer-still" alt="t: a still of the 3D view"' in html, html[:400]
    assert '<iframe class="r1kit-viewer" title="t" sandbox="allow-scripts"' in html
    assert "height: 300px" in html and "srcdoc=\"&lt;!DOCTYPE html&gt;" in html
    assert data[-1]["text/plain"] == "Viewer3D[t, 2 of 2 points, 1 boxes]"


def test_help_lists_every_magic(kernel):
    status, _, data, error = run(kernel, "%r1 help")
    assert status == "ok", error
    text = data[-1]["text/plain"]
    for magic in ("%r1 version", "%scene", "%render", "%views", "%ask", "%reward", "%%sft", "%%grpo", "%cot", "%eval"):
        assert "\n  " + magic + " " in text, text


def test_magics_before_a_scene_say_how_to_set_one(kernel):
    assert refusal(kernel, "%render") == "no current scene: run %scene generate bedroom:7 or %scene load PATH first"


def test_scene_render_and_views_show_html_and_images(kernel):
    status, _, data, error = run(kernel, "%scene generate bedroom:7")
    assert status == "ok", error
    assert len(data) == 1, [d.keys() for d in data]
    assert "<table" in data[0]["text/html"] and "data:image/png;base64," in data[0]["text/html"]
    assert data[0]["text/plain"].startswith("bedroom:7: ")

    status, _, data, error = run(kernel, "%render --view 3 --boxes --depth")
    assert status == "ok", error
    assert data[-1]["image/png"].startswith("iVBORw0KGgo")

    _, result, updates = progress_then_result(kernel, '%views "the bed" --k 2')
    assert updates[-1]["text/plain"].endswith('views for "the bed": 24 candidates scored, 2/2 chosen views rendered')
    assert "<img" in result["text/html"] and "<table" in result["text/html"]
    assert result["text/plain"].startswith('views for "the bed" in bedroom-0007: '), result["text/plain"]


def test_bad_flags_and_paths_are_one_line_with_the_usage(kernel):
    assert refusal(kernel, "%render --veiw 3").startswith("Unknown options: '--veiw', '3'\nUsage: %render ")
    assert refusal(kernel, "%scene load nowhere.ply") == "nowhere.ply: no such file or folder"
    assert refusal(kernel, "%%ask qa --object 2\nHow many beds?") == "--object is for object-caption, not qa"


def test_ask_line_and_cell_magics_answer_with_reasoning(kernel):
    run(kernel, "%scene generate bedroom:300001")
    status, _, data, error = run(kernel, "%ask grounding the bed")
    assert status == "ok", error
    text = data[-1]["text/plain"]
    assert text.startswith("grounding on bedroom:300001 (model r1)\nquestion the bed\n"), text
    assert "data:image/png;base64," in data[-1]["text/html"]

    status, _, data, error = run(kernel, "%%ask qa\nHow many pillows are there?")
    assert status == "ok", error
    assert "question How many pillows are there?\nstep 1 " in data[-1]["text/plain"], data[-1]["text/plain"]

    run(kernel, "%ask dialogue Is there a lamp in here?")
    status, _, data, error = run(kernel, "%ask dialogue What colour is it?")
    assert status == "ok", error
    assert data[-1]["text/plain"].startswith("dialogue on bedroom:300001 (model r1)\nquestion What colour is it?")
    assert refusal(kernel, "%ask object-caption") == ("object-caption needs --object ID, e.g. "
                                                      "%ask object-caption --object 1")


def readme_cells(heading):
    """The cells of the first java block after a README heading (blank lines part the cells)."""
    import pathlib
    import re
    text = (pathlib.Path(__file__).resolve().parents[4] / "README.md").read_text()
    block = text[text.index(heading):].split("```java\n", 1)[1].split("```", 1)[0]
    code = [re.sub(r"\s+//.*$", "", line) for line in block.splitlines()]
    return [c.strip() for c in "\n".join(code).split("\n\n") if c.strip()]


def test_the_readme_notebook_cells_run(kernel):
    cells = readme_cells("## In a notebook")
    assert cells[0] == "%r1 version" and cells[-1] == "%%ask dialogue\nIs there a lamp in here?", cells
    for cell in cells:
        status, _, data, error, stderr = run_with_stderr(kernel, cell)
        assert status == "ok" and data and not stderr, (cell, error, stderr)
    java = readme_cells("The same from Java")[0]
    status, _, data, error = run(kernel, java)
    assert status == "ok", error
    assert "dialogue on bedroom:300001 (model r1)" in data[-1]["text/plain"], data[-1]


def progress_then_result(kernel, code):
    """Runs a magic of long work: its progress display first, updated in place, then its result."""
    status, stdout, data, error, stderr, updates = run_with_updates(kernel, code)
    assert status == "ok" and error is None, (code, error, stderr)
    assert "<progress" in data[0]["text/html"] and data[0]["text/plain"].startswith("["), data[0]
    assert updates and "<progress" in updates[-1]["text/html"], (code, len(updates))
    assert len(data) == 2, [d.keys() for d in data]
    return stdout, data[-1], updates


def test_reward_scores_the_last_answer_against_the_truth_or_gt(kernel):
    run(kernel, "%scene generate bedroom:300001")
    assert refusal(kernel, "%reward") == "no answer yet: run %ask TASK TEXT first"
    run(kernel, "%ask grounding the bed")
    status, _, data, error = run(kernel, "%reward")
    assert status == "ok", error
    text = data[-1]["text/plain"]
    assert text.startswith("rewards of the grounding answer on bedroom:300001 (model r1)\nagainst "), text
    assert "\nformat " in text and "\nperception " in text and "\ntotal " in text, text
    assert "<table" in data[-1]["text/html"]
    status, _, data, error = run(kernel, "%reward --gt 1")
    assert status == "ok" and "\nagainst " in data[-1]["text/plain"], (error, data)
    assert refusal(kernel, "%reward --gt the bed").startswith("grounding is scored on a box: --gt takes an object id")
    assert refusal(kernel, "%reward --gtt 1").startswith("Unknown options: '--gtt', '1'\nUsage: %reward ")
    for magic in ("%reward", "%cot", "%eval"):
        status, _, data, error = run(kernel, magic + " --help")
        assert status == "ok" and data[-1]["text/plain"].startswith("Usage: " + magic + " "), (error, data)
        assert "picocli" not in data[-1]["text/plain"], data[-1]["text/plain"]


def test_dense_captions_show_a_progress_bar_updated_in_place(kernel):
    _, result, updates = progress_then_result(kernel, "%ask dense-caption")
    assert "captions" in updates[-1]["text/plain"], updates[-1]["text/plain"]
    assert result["text/plain"].startswith("dense-caption on bedroom:300001 (model r1)"), result["text/plain"]


def test_cot_generate_shows_progress_and_preview_shows_a_card(kernel, tmp_path):
    stdout, result, _ = progress_then_result(kernel, f"%cot generate --scenes 2 --out {tmp_path}")
    assert result["text/plain"].startswith(f"wrote {tmp_path} (2 scenes, seed 0, back end "), result["text/plain"]
    assert "<table" in result["text/html"] and "data:image/png;base64," in result["text/html"]
    hint = stdout.strip().splitlines()[-1]
    assert hint.startswith(f"preview a record: %cot preview {tmp_path}/scene30k_") and hint.endswith(" --index 0"), hint
    status, _, data, error = run(kernel, hint[len("preview a record: "):])
    assert status == "ok" and 'class="r1kit-cot-card"' in data[-1]["text/html"], error
    assert "data:image/png;base64," in data[-1]["text/html"]
    status, _, data, error = run(kernel, "%cot preview --index 0")
    assert status == "ok" and "bedroom-300001" in data[-1]["text/html"], error
    assert refusal(kernel, "%cot preview nowhere.jsonl") == "nowhere.jsonl: no such file"
    assert refusal(kernel, "%cot make") == "%cot: unknown verb 'make' (generate or preview)"


def test_eval_shows_progress_then_a_table_and_chart(kernel):
    _, result, _ = progress_then_result(kernel, "%eval --rooms 1 --per-task 1 --task qa --task grounding")
    assert result["text/plain"].startswith("model r1: 1 rooms from seed 500000"), result["text/plain"]
    assert "<table" in result["text/html"] and "data:image/png;base64," in result["text/html"]
    assert refusal(kernel, "%eval --rooms 0") == "--rooms must be at least 1, got 0"


TINY_SFT = {"train_rooms": 1, "held_out_rooms": 1, "held_out_seed": 500, "tasks": ["grounding", "qa"],
            "hidden_size": 32, "layers": 1, "heads": 2, "kv_heads": 1, "intermediate_size": 64, "max_objects": 8,
            "points_per_object": 8, "max_tokens": 200, "steps": 3, "batch_size": 4, "warmup_steps": 1,
            "eval_every": 3, "held_out_examples": 4, "eval_examples": 0, "object_name_weight": 0}


def test_sft_and_grpo_cells_train_with_live_curves_and_ask_uses_the_model(kernel, tmp_path):
    assert refusal(kernel, '%%grpo\n{"stepz": 1}').startswith('%%grpo recipe: unknown key "stepz" (known: ')
    assert refusal(kernel, '%%sft --outt x\n{"steps": 1}').startswith("Unknown options: '--outt', 'x'\nUsage: %%sft ")
    sft = tmp_path / "sft"
    stdout, result, updates = progress_then_result(kernel, f"%%sft --out {sft}\n{json.dumps(TINY_SFT)}")
    assert "<img" in updates[-1]["text/html"], "the loss curve beside the bar"
    assert result["text/plain"].startswith(f"SFT run: {sft}\nsteps "), result["text/plain"]
    assert f"ask the trained model: %ask --model {sft} TASK TEXT" in stdout, stdout
    grpo = tmp_path / "grpo"
    recipe = {"model": str(sft), "train_rooms": 1, "held_out_rooms": 1, "held_out_seed": 500, "eval_prompts": 1,
              "num_generations": 2, "prompts_per_step": 1, "steps": 2, "max_completion_length": 8,
              "tasks": ["grounding"], "rewards": {"grounding": ["format", "perception"]}}
    _, result, updates = progress_then_result(kernel, f"%%grpo --out {grpo}\n{json.dumps(recipe)}")
    assert "<img" in updates[-1]["text/html"], "the reward curve beside the bar"
    assert result["text/plain"].startswith(f"GRPO run: {grpo}\nstarting model "), result["text/plain"]
    status, _, data, error = run(kernel, f"%ask --model {grpo} grounding the bed")
    assert status == "ok", error
    assert data[-1]["text/plain"].startswith(f"grounding on bedroom:300001 (model {grpo})"), data[-1]["text/plain"]
