"""Lectern's pytest runner: the trusted side of a grading run.

Started as `env HOME=/tmp python3 -I -B /job/.lectern/runner.py <pytest args>` in a sandbox of its own,
whose /job holds only the autograder's files (owned by root: this process can read, not change them).
The student's code runs in a second sandbox under another uid, and never in this process: `import
submission` (or any module the student handed in) gives a proxy, and every use of it becomes a request
that the JVM relays to the student's process over pipes. Values come back as plain data (JSON, numpy
arrays as .npy bytes, never a pickle); other objects stay in the student's process and come back as handles.

Descriptors: stdin/stdout are the line to the JVM (taken first thing; fd 1 then points at fd 2, so pytest's
report lands in the log); fd 3 is the results file on the host, one JSON object per test.
"""
import json
import os
import sys

_IN = os.dup(0)
_OUT = os.dup(1)
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.close(_null)
os.dup2(2, 1)


def _take_channel():
    # os.dup gives a non-inheritable copy: subprocesses a test starts do not get it.
    try:
        fd = os.dup(3)
    except OSError:
        return open(os.devnull, "w", encoding="utf-8")
    os.close(3)
    return os.fdopen(fd, "w", encoding="utf-8")


_RESULTS = _take_channel()
os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only the plugins named here

import builtins  # noqa: E402
import importlib.abc  # noqa: E402
import importlib.machinery  # noqa: E402
import importlib.util  # noqa: E402
import types  # noqa: E402

import pytest  # noqa: E402  (after the environment is set)

_HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("lectern_wire", os.path.join(_HERE, "wire.py"))
wire = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wire)

with open(os.path.join(_HERE, "student.json"), encoding="utf-8") as _f:
    _STUDENT = json.load(_f)
SOURCE_DIR = os.path.join(_HERE, "student")
MAX_MESSAGE = 4000


# ---------------------------------------------------------------- talking to the student's process

class SubmissionProcessError(BaseException):
    """The student's process did not answer: it ended, was killed, or ran past the per-call limit.

    A BaseException, so that `pytest.raises(Exception)` in a test cannot turn a crash into a pass.
    """


class SubmissionError(Exception):
    """An exception of a type that exists only in the student's code; its name and message are kept."""


class _Client:
    def __init__(self):
        self._channel = wire.Channel(_IN, _OUT)
        self.generation = 0
        self._rid = 0

    def request(self, header, blobs, label):
        __tracebackhide__ = True
        self._rid += 1
        header = dict(header, rid=self._rid)
        try:
            self._channel.write(wire.TAG_PEER, wire.pack(header, blobs))
        except wire.WireError as exc:
            raise ValueError("cannot send %s to your code: %s" % (label, exc)) from None
        try:
            tag, payload = self._channel.read()
        except (EOFError, OSError, wire.WireError) as exc:
            raise SubmissionProcessError("the grader lost its line to your code (%s)" % exc) from None
        if tag == wire.TAG_JVM:
            event = json.loads(bytes(payload).decode("utf-8"))
            if event.get("event") in ("ended", "timeout"):
                self.generation += 1
            if event.get("event") == "timeout":
                raise SubmissionProcessError("your function did not return within %s s: %s"
                                             % (event.get("seconds"), label))
            raise SubmissionProcessError("your code's process ended while running %s: %s"
                                         % (label, event.get("reason", "")))
        try:
            reply, reply_blobs = wire.unpack(payload)
            if reply.get("rid") != self._rid:
                raise wire.WireError("answer to another request")
            if reply.get("ok") is True:
                return wire.Decoder(reply_blobs, self._remote).decode(reply.get("value"))
            error = reply.get("error")
            if not isinstance(error, dict):
                raise wire.WireError("bad error")
        except SubmissionProcessError:
            raise
        except Exception as exc:  # anything malformed from the student's side fails this call only
            raise SubmissionProcessError("your code's process sent an answer the grader cannot read "
                                         "while running %s (%s)" % (label, exc)) from None
        raise _exception(error, label)

    def _remote(self, node):
        if "$ref" not in node or not isinstance(node["$ref"], int):
            raise wire.WireError("bad value")
        path = node.get("path")
        if path is not None and not (isinstance(path, list) and all(isinstance(p, str) for p in path)):
            path = None
        kind = node.get("kind") if node.get("kind") in ("module", "class", "callable", "object") else "object"
        return Remote(self.generation, node["$ref"], path, kind, str(node.get("type", "object"))[:200])


def _exception(error, label):
    message = str(error.get("message", ""))[:MAX_MESSAGE]
    kind = str(error.get("type", "Exception"))
    tb = str(error.get("traceback", ""))[-8000:]
    syntax = error.get("syntax")
    if kind in ("SyntaxError", "IndentationError", "TabError") and isinstance(syntax, list) and len(syntax) == 6:
        cls = getattr(builtins, kind)
        filename, lineno, offset, text, end_lineno, end_offset = syntax
        exc = cls(message or "invalid syntax",
                  (str(filename), _int(lineno), _int(offset), str(text) if text is not None else None,
                   _int(end_lineno), _int(end_offset)))
        return exc
    if kind in ("SystemExit", "KeyboardInterrupt", "GeneratorExit") and error.get("module") == "builtins":
        return SubmissionProcessError("%s while running %s" % (message or kind, label))
    cls = getattr(builtins, kind, None) if error.get("module") == "builtins" else None
    if isinstance(cls, type) and issubclass(cls, Exception) and not issubclass(cls, SubmissionError):
        try:
            exc = cls(message)
        except Exception:
            exc = SubmissionError("%s: %s" % (kind, message))
    else:
        exc = SubmissionError("%s: %s" % (kind, message))
    if tb:
        exc.add_note("in your code, while running %s:\n%s" % (label, tb.rstrip()))
    return exc


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_client = _Client()


def _target(remote, label):
    if remote._generation == _client.generation:
        return {"$ref": remote._id}
    if remote._path is not None:
        return {"$path": remote._path}
    raise SubmissionProcessError("%s belonged to your code's earlier process, which ended; it is gone" % label)


def _send_value(encoder, value):
    if isinstance(value, Remote):
        return _target(value, value._label())
    if isinstance(value, ProxyModule):
        return {"$path": [value.__name__]}
    if callable(value) and not isinstance(value, type):
        raise TypeError("a test cannot pass a function (%r) into the student's code: it runs in another process"
                        % (value,))
    raise TypeError("a test can pass only plain data (numbers, strings, lists, dicts, numpy arrays) or objects "
                    "that came from the student's code, not %s" % type(value).__name__)


def _request(op, target, label, **fields):
    __tracebackhide__ = True
    encoder = wire.Encoder(None)
    encoder._remote = lambda value: _send_value(encoder, value)
    header = {"op": op}
    if target is not None:
        header["target"] = _send_value(encoder, target)
        path = target._path if isinstance(target, Remote) else [target.__name__]
        if path is not None:
            header["path"] = path
    for key, value in fields.items():
        header[key] = value if key == "name" else encoder.encode(value)
    return _client.request(header, encoder.blobs, label)


class Remote:
    """An object that lives in the student's process: every use is a request there."""

    __slots__ = ("_generation", "_id", "_path", "_kind", "_type")

    def __init__(self, generation, ident, path, kind, type_name):
        object.__setattr__(self, "_generation", generation)
        object.__setattr__(self, "_id", ident)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_type", type_name)

    def _label(self):
        return ".".join(self._path) if self._path else "a %s from your code" % self._type

    def __getattr__(self, name):
        __tracebackhide__ = True
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _request("getattr", self, "%s.%s" % (self._label(), name), name=name)

    def __setattr__(self, name, value):
        __tracebackhide__ = True
        _request("setattr", self, "%s.%s = ..." % (self._label(), name), name=name, value=value)

    def __call__(self, *args, **kwargs):
        __tracebackhide__ = True
        return _request("call", self, "%s(...)" % self._label(), args=list(args), kwargs=kwargs)

    def _op(self, op, *args):
        __tracebackhide__ = True
        return _request(op, self, "%s of %s" % (op, self._label()), args=list(args))

    def __repr__(self):
        try:
            text = self._op("repr")
            return text if isinstance(text, str) else "<%s from your code>" % self._type
        except BaseException:  # noqa: B036 (a report must not fail on a dead process)
            return "<%s from your code>" % self._type

    def __str__(self):
        text = self._op("str")
        if not isinstance(text, str):
            raise TypeError("__str__ of your %s did not return a string" % self._type)
        return text

    # Equality is identity: an object of the student's may not decide whether it equals the expected answer.
    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __hash__(self):
        return hash((self._generation, self._id))

    def __len__(self):
        return self._op("len")

    def __bool__(self):
        return self._op("bool")

    def __iter__(self):
        iterator = self._op("iter")
        while True:
            try:
                yield iterator._op("next")
            except StopIteration:
                return

    def __getitem__(self, key):
        return self._op("getitem", key)

    def __setitem__(self, key, value):
        self._op("setitem", key, value)

    def __delitem__(self, key):
        self._op("delitem", key)

    def __contains__(self, item):
        return self._op("contains", item)

    def __int__(self):
        return self._op("int")

    def __float__(self):
        return self._op("float")

    def __index__(self):
        return self._op("index")


def _binary(op):
    def method(self, other):
        __tracebackhide__ = True
        return self._op(op, other)
    method.__name__ = "__%s__" % op
    return method


for _name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "lt", "le", "gt", "ge"):
    setattr(Remote, "__%s__" % _name, _binary(_name))


class ProxyModule(types.ModuleType):
    """A module of the student's, as tests see it: attributes are fetched from the student's process."""

    def __getattr__(self, name):
        __tracebackhide__ = True
        if name == "__source__":
            return source(self.__name__)
        if name == "__all__":  # from submission import *
            names = _request("names", self, "from %s import *" % self.__name__)
            return [n for n in names if isinstance(n, str) and n.isidentifier()] if isinstance(names, list) else []
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _request("getattr", self, "%s.%s" % (self.__name__, name), name=name)

    def __setattr__(self, name, value):
        if name.startswith("__") and name.endswith("__"):
            object.__setattr__(self, name, value)
            return
        __tracebackhide__ = True
        _request("setattr", self, "%s.%s = ..." % (self.__name__, name), name=name, value=value)

    @property
    def _path(self):
        return [self.__name__]


class _StudentModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Last on sys.meta_path: a top-level module the student handed in, and nothing here provides."""

    def find_spec(self, fullname, path=None, target=None):
        if "." in fullname or fullname not in _STUDENT.get("modules", []):
            return None
        return importlib.machinery.ModuleSpec(fullname, self, origin="your code (%s)" % fullname)

    def create_module(self, spec):
        return ProxyModule(spec.name)

    def exec_module(self, module):
        __tracebackhide__ = True
        _client.request({"op": "import", "name": module.__name__}, [], "import %s" % module.__name__)
        copy = os.path.join(SOURCE_DIR, module.__name__ + ".py")
        if os.path.isfile(copy):
            object.__setattr__(module, "__file__", copy)  # inspect.getsource(module) reads the copy


def source(module="submission"):
    """The text of a module the student handed in (a notebook: its code cells), read from a copy."""
    name = os.path.basename(str(module))
    if name.endswith(".py"):
        name = name[:-3]
    try:
        with open(os.path.join(SOURCE_DIR, name + ".py"), encoding="utf-8", errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        raise FileNotFoundError("the student handed in no module named %s" % name) from None


_lectern = types.ModuleType("lectern", "Helpers for tests: lectern.source(name) is a student module's text.")
_lectern.source = source
_lectern.SOURCE_DIR = SOURCE_DIR
_lectern.SubmissionError = SubmissionError
_lectern.SubmissionProcessError = SubmissionProcessError
sys.modules["lectern"] = _lectern
sys.meta_path.append(_StudentModules())
# gradescope_utils' decorators, so that Gradescope-style test files import unchanged (an autograder that ships
# its own copy as a support file keeps it: /job comes first on the path).
sys.path.append(os.path.join(_HERE, "shims"))


# ---------------------------------------------------------------- results

def _clip(text):
    text = text or ""
    if len(text) > MAX_MESSAGE:
        return text[:MAX_MESSAGE] + "\n... (message cut at %d characters)" % MAX_MESSAGE
    return text


def _emit(**record):
    _RESULTS.write(json.dumps(record) + "\n")
    _RESULTS.flush()  # flushed per line so results survive a later kill


def _function(item):
    """The test's function (or unittest method), where gradescope_utils' decorators leave their attributes."""
    return getattr(item, "obj", None) or getattr(item, "function", None)


def _points(item):
    marker = item.get_closest_marker("points")
    if marker is not None:
        value = marker.args[0] if marker.args else marker.kwargs.get("n")
    else:
        value = getattr(_function(item), "__weight__", None)  # @weight(n) / @partial_credit(n)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


VISIBILITIES = ("visible", "after_due_date", "after_published", "hidden")


def _visibility(item):
    """@pytest.mark.visibility("hidden") or gradescope_utils' @visibility("hidden"); None: the file's.

    Anything else than the four words Gradescope knows is reported as "hidden": a typo must not show a test.
    """
    marker = item.get_closest_marker("visibility")
    if marker is not None:
        value = marker.args[0] if marker.args else marker.kwargs.get("v")
    else:
        value = getattr(_function(item), "__visibility__", None)
    if value is None:
        return None
    return value if value in VISIBILITIES else "hidden"


def _number(item):
    marker = item.get_closest_marker("number")
    value = (marker.args[0] if marker.args else None) if marker is not None \
        else getattr(_function(item), "__number__", None)
    return str(value)[:40] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None


def _score(item):
    """The share of its weight a @partial_credit test set with set_score(x), in [0, 1]; None when it set none."""
    function = _function(item)
    score = getattr(function, "__score__", None)
    weight = getattr(function, "__weight__", None)
    if isinstance(score, bool) or not isinstance(score, (int, float)) or score != score:
        return None
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
        return 1.0 if score > 0 else 0.0
    return max(0.0, min(1.0, float(score) / float(weight)))


def _hide_errors(item):
    value = getattr(_function(item), "__hide_errors__", None)
    return str(value)[:MAX_MESSAGE] if value is not None else None


def _skip_reason(report):
    if isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
        return str(report.longrepr[2])
    return report.longreprtext


def _brief(excinfo):
    """The failure without the test's source: the exception's type and the test's own message, if any."""
    if excinfo is None:
        return ""
    exc = excinfo.value
    kind = type(exc).__name__
    if isinstance(exc, AssertionError):
        # pytest's rewritten message is the test's own message (if any), then "assert ..." introspection.
        lines = []
        for line in str(exc).splitlines():
            if line.startswith("assert ") or line.startswith("assert\n"):
                break
            lines.append(line)
        text = "\n".join(lines).strip()
        return "AssertionError: " + text if text else "AssertionError (a check of the test failed)"
    try:
        text = str(exc)
    except Exception:
        text = ""
    return ("%s: %s" % (kind, text) if text else kind)[:MAX_MESSAGE]


class LecternResults:
    def __init__(self):
        self._tests = {}

    def _state(self, nodeid):
        return self._tests.setdefault(nodeid, {"outcome": None, "duration": 0.0, "message": "", "brief": ""})

    def pytest_configure(self, config):
        config.addinivalue_line("markers", "points(n): weight of this test within its file")
        config.addinivalue_line("markers", "visibility(v): visible, after_due_date, after_published or hidden")
        config.addinivalue_line("markers", "number(n): the test's number as shown, e.g. 1.2")

    def pytest_collectreport(self, report):
        if report.failed:
            _emit(type="collect_error", nodeid=report.nodeid, message=_clip(report.longreprtext))

    def pytest_collection_finish(self, session):
        for item in session.items:
            _emit(type="collected", nodeid=item.nodeid, points=_points(item), visibility=_visibility(item),
                  number=_number(item))

    def pytest_runtest_setup(self, item):
        function = _function(item)
        try:
            if function is not None and hasattr(function, "__score__"):
                delattr(getattr(function, "__func__", function), "__score__")  # a score from an earlier test
        except (AttributeError, TypeError):
            pass

    def pytest_runtest_logstart(self, nodeid, location):
        self._tests[nodeid] = {"outcome": None, "duration": 0.0, "message": "", "brief": "", "score": None,
                               "hide": None}
        _emit(type="start", nodeid=nodeid)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        yield
        if call.excinfo is not None and not self._state(item.nodeid)["brief"]:
            self._state(item.nodeid)["brief"] = _brief(call.excinfo)
        if call.when == "call":
            self._state(item.nodeid)["score"] = _score(item)
            self._state(item.nodeid)["hide"] = _hide_errors(item)

    def pytest_runtest_logreport(self, report):
        state = self._state(report.nodeid)
        state["duration"] += float(report.duration or 0.0)
        if report.when == "setup":
            if report.failed:
                state["outcome"], state["message"] = "error", report.longreprtext
            elif report.skipped:
                state["outcome"], state["message"] = "skipped", _skip_reason(report)
        elif report.when == "call":
            if hasattr(report, "wasxfail"):
                state["outcome"] = "xfailed" if report.skipped else ("xpassed" if report.passed else "failed")
                state["message"] = report.wasxfail if report.skipped else report.longreprtext
            elif report.skipped:
                state["outcome"], state["message"] = "skipped", _skip_reason(report)
            else:
                state["outcome"] = report.outcome
                state["message"] = report.longreprtext if report.failed else ""
        elif report.when == "teardown" and report.failed and state["outcome"] in (None, "passed", "xpassed"):
            state["outcome"], state["message"] = "error", report.longreprtext

    def pytest_runtest_logfinish(self, nodeid, location):
        state = self._tests.pop(nodeid, None) or {"outcome": None, "duration": 0.0, "message": "", "brief": ""}
        outcome = state["outcome"] or "error"
        brief = state["brief"] if outcome not in ("passed", "xpassed", "skipped", "xfailed") else ""
        message = state["message"]
        if state.get("hide") is not None and outcome not in ("passed", "xpassed"):
            message = brief = state["hide"]  # @hide_errors("..."): the instructor's sentence instead of the failure
        record = dict(type="test", nodeid=nodeid, outcome=outcome, duration=state["duration"],
                      message=_clip(message), brief=_clip(brief))
        if state.get("score") is not None:
            record["score"] = state["score"]
        _emit(**record)

    def pytest_sessionfinish(self, session, exitstatus):
        _emit(type="done", exitstatus=int(exitstatus))


if __name__ == "__main__":
    sys.exit(int(pytest.main(sys.argv[1:], plugins=[LecternResults()])))
