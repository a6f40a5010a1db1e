# Runs a notebook's code cells top to bottom in one Python process, without a Jupyter kernel, inside the sandbox.
# Reads /job/cells.json (a list of code strings); writes one JSON object per line on stdout:
#   {"event": "start", "cell": i}
#   {"event": "out", "cell": i, "stream": "stdout" | "stderr", "text": "whole lines\n"}   while the cell runs
#   {"event": "cell", "cell": i, "stdout": ..., "stderr": ..., "images": [base64 png...], "error": null | "Traceback ..."}
#   {"event": "packages", "packages": ["numpy 1.26.4", ...]}   at the end
# A cell's own prints go to a buffer, not to stdout; whole lines of it are sent as "out" events at most every FLUSH
# seconds (a loop printing a million lines costs a few events, not a million), the rest at the cell's end. The parent
# caps what it reads in any case, and nothing read here becomes a grade: it is the team's own notebook output.
import base64, contextlib, io, json, os, sys, threading, time, traceback

out = os.fdopen(os.dup(1), "w", buffering=1)
try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except Exception:
    plt = None

CAP = 200_000
FLUSH = 0.25
lock = threading.Lock()

def emit(obj):
    with lock:
        out.write(json.dumps(obj) + "\n")
        out.flush()

class Stream(io.TextIOBase):
    """A cell's stdout or stderr: everything kept for the cell's end, whole lines handed to the flusher."""
    def __init__(self, cell, name):
        self.cell, self.name, self.all, self.pending = cell, name, io.StringIO(), []
    def writable(self):
        return True
    def write(self, s):
        s = str(s)
        self.all.write(s)
        with lock:
            self.pending.append(s)
        return len(s)
    def take_lines(self):
        with lock:
            text = "".join(self.pending)
            cut = text.rfind("\n") + 1
            self.pending = [text[cut:]] if cut < len(text) else []
        return text[:cut][-CAP:]
    def getvalue(self):
        return self.all.getvalue()

current = []

def flusher():
    while True:
        time.sleep(FLUSH)
        for s in list(current):
            text = s.take_lines()
            if text:
                emit({"event": "out", "cell": s.cell, "stream": s.name, "text": text})

threading.Thread(target=flusher, daemon=True).start()

cells = json.load(open("/job/cells.json"))
scope = {"__name__": "__main__"}
for i, code in enumerate(cells):
    so, se, error, images = Stream(i, "stdout"), Stream(i, "stderr"), None, []
    current[:] = [so, se]
    emit({"event": "start", "cell": i})
    try:
        with contextlib.redirect_stdout(so), contextlib.redirect_stderr(se):
            exec(compile(code, "<cell %d>" % (i + 1), "exec"), scope)
    except BaseException:
        error = traceback.format_exc(limit=5)[-CAP:]
    current[:] = []
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
