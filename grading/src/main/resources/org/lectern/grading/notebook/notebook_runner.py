# Runs a notebook's code cells top to bottom in one Python process, without a Jupyter kernel, inside the sandbox.
# Reads /job/cells.json (a list of code strings); writes one JSON object per line on stdout:
#   {"event": "cell", "cell": i, "stdout": ..., "stderr": ..., "images": [base64 png...], "error": null | "Traceback ..."}
#   {"event": "packages", "packages": ["numpy 1.26.4", ...]}   at the end
# A cell's own prints go to a buffer, not to stdout; the parent caps what it reads in any case, and nothing read here
# becomes a grade: it is the team's own notebook output.
import base64, contextlib, io, json, os, sys, traceback

out = os.fdopen(os.dup(1), "w", buffering=1)
try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except Exception:
    plt = None

CAP = 200_000

def emit(obj):
    out.write(json.dumps(obj) + "\n")
    out.flush()

cells = json.load(open("/job/cells.json"))
scope = {"__name__": "__main__"}
for i, code in enumerate(cells):
    so, se, error, images = io.StringIO(), io.StringIO(), None, []
    emit({"event": "start", "cell": i})
    try:
        with contextlib.redirect_stdout(so), contextlib.redirect_stderr(se):
            exec(compile(code, "<cell %d>" % (i + 1), "exec"), scope)
    except BaseException:
        error = traceback.format_exc(limit=5)[-CAP:]
    if plt is not None:
        for n in plt.get_fignums():
            buf = io.BytesIO()
            plt.figure(n).savefig(buf, format="png", dpi=80)
            images.append(base64.b64encode(buf.getvalue()).decode())
        plt.close("all")
    emit({"event": "cell", "cell": i, "stdout": so.getvalue()[-CAP:], "stderr": se.getvalue()[-CAP:], "images": images[:4],
          "error": error})
    if error is not None:
        break

try:
    from importlib import metadata
    pkgs = sorted({"%s %s" % (d.metadata["Name"], d.version) for d in metadata.distributions() if d.metadata["Name"]})
except Exception:
    pkgs = []
emit({"event": "packages", "packages": ["python " + sys.version.split()[0]] + pkgs[:500]})
