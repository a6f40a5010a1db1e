"""Lectern's student-side server: runs the student's code in its own sandbox, apart from the tests.

Started as `python3 -I -B /job/.lectern/student_server.py`. It takes stdin and stdout (its only line to
the JVM, which relays to the test process) before any student code is imported, then points fd 1 at fd 2
so that whatever the student's code prints lands in the captured log, never in the channel. Requests
come one at a time: import a module, get or set an attribute, call, or apply an operation to an object
it holds. Results go back as plain data, or as handles to objects kept here.

Nothing here is trusted by the grader: this process is as hostile as the code it runs.
"""
import importlib
import importlib.util
import operator
import os
import sys
import traceback

_IN = os.dup(0)
_OUT = os.dup(1)
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.close(_null)
os.dup2(2, 1)

_HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("lectern_wire", os.path.join(_HERE, "wire.py"))
wire = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wire)

_channel = wire.Channel(_IN, _OUT)
_objects = {}
_next_id = [1]

# The student's folder goes on the path only now, after everything this server needs has been imported.
sys.path.insert(0, "/job")
# Stand-ins for notebook helpers that only talk to a grader (otter's grader.check): after the student's own files.
sys.path.append(os.path.join(_HERE, "shims"))

OPERATIONS = {
    "len": len, "repr": repr, "str": str, "bool": bool, "iter": iter, "next": next, "hash": hash,
    "int": int, "float": float, "index": operator.index, "abs": abs, "neg": operator.neg,
    "getitem": operator.getitem, "setitem": operator.setitem, "delitem": operator.delitem,
    "contains": operator.contains,
    "add": operator.add, "sub": operator.sub, "mul": operator.mul, "truediv": operator.truediv,
    "floordiv": operator.floordiv, "mod": operator.mod, "pow": operator.pow, "matmul": operator.matmul,
    "lt": operator.lt, "le": operator.le, "gt": operator.gt, "ge": operator.ge,
}


def _kind(obj):
    if isinstance(obj, type(sys)):
        return "module"
    if isinstance(obj, type):
        return "class"
    return "callable" if callable(obj) else "object"


def _handle(obj, path=None):
    ident = _next_id[0]
    _next_id[0] += 1
    _objects[ident] = obj
    node = {"$ref": ident, "kind": _kind(obj), "type": type(obj).__qualname__[:200]}
    if path is not None:
        node["path"] = path
    return node


def _resolve_path(path):
    if not isinstance(path, list) or not path or not all(isinstance(p, str) for p in path):
        raise LookupError("bad path")
    obj = importlib.import_module(path[0])
    for name in path[1:]:
        obj = getattr(obj, name)
    return obj


def _remote_in(node):
    if "$ref" in node:
        try:
            return _objects[node["$ref"]]
        except (KeyError, TypeError):
            raise LookupError("unknown object") from None
    if "$path" in node:
        return _resolve_path(node["$path"])
    raise ValueError("bad value")


def _reply(value, path=None):
    # A handle keeps its path only where it is the value itself: a function reached by attribute from a
    # module can be found again by that path in a fresh process.
    encoder = wire.Encoder(lambda obj: _handle(obj, path if obj is value else None))
    return {"ok": True, "value": encoder.encode(value)}, encoder.blobs


def _error(exc):
    kind = type(exc)
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if os.path.abspath(f.filename) not in (os.path.abspath(__file__), os.path.join(_HERE, "wire.py"))
              and "importlib._bootstrap" not in f.filename]
    text = "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(kind, exc))
    error = {"type": kind.__name__[:200], "module": str(getattr(kind, "__module__", ""))[:200],
             "message": _safe_str(exc)[:4000], "traceback": text[-8000:]}
    if isinstance(exc, SyntaxError):
        error["message"] = _safe_str(exc.msg)[:4000]
        error["syntax"] = [exc.filename, exc.lineno, exc.offset, exc.text, exc.end_lineno, exc.end_offset]
    if isinstance(exc, SystemExit):
        error["message"] = "your code called sys.exit(%s)" % _safe_str(exc.code)[:200]
    return {"ok": False, "error": error}, []


def _safe_str(value):
    try:
        return str(value)
    except BaseException:  # noqa: B036 (a student's __str__ may raise anything)
        return "<unprintable %s>" % type(value).__name__


def _handle_request(header, blobs):
    op = header.get("op")
    decoder = wire.Decoder(blobs, _remote_in)
    if op == "import":
        name = header["name"]
        return _reply(importlib.import_module(name), [name])
    target = decoder.decode(header["target"])
    path = header.get("path")
    if op == "getattr":
        name = header["name"]
        return _reply(getattr(target, name), path + [name] if isinstance(path, list) else None)
    if op == "names":
        # What `from module import *` takes: __all__, or the public names that are not modules (a test's own
        # `import numpy as np` must not be replaced by a handle to the student's numpy).
        names = getattr(target, "__all__", None)
        if names is None:
            names = [n for n, v in vars(target).items() if not n.startswith("_") and not isinstance(v, type(sys))]
        return _reply([str(n) for n in names])
    if op == "setattr":
        setattr(target, header["name"], decoder.decode(header["value"]))
        return _reply(None)
    if op == "call":
        args = decoder.decode(header.get("args", []))
        kwargs = decoder.decode(header.get("kwargs", {"$dict": []}))
        return _reply(target(*args, **kwargs))
    if op in OPERATIONS:
        args = decoder.decode(header.get("args", []))
        return _reply(OPERATIONS[op](target, *args))
    raise ValueError("unknown operation %r" % (op,))


def main():
    while True:
        try:
            _tag, payload = _channel.read()
        except EOFError:
            return
        rid = None
        try:
            header, blobs = wire.unpack(payload)
            rid = header.get("rid")
            reply, out_blobs = _handle_request(header, blobs)
        except BaseException as exc:  # noqa: B036 (sys.exit() in the student's code must not end the server)
            reply, out_blobs = _error(exc)
        reply["rid"] = rid
        try:
            parts = wire.pack(reply, out_blobs)
        except BaseException as exc:  # noqa: B036
            parts = wire.pack(dict(_error(exc)[0], rid=rid))
        try:
            _channel.write(wire.TAG_PEER, parts)
        except wire.WireError as exc:
            _channel.write(wire.TAG_PEER, wire.pack(dict(_error(exc)[0], rid=rid)))


if __name__ == "__main__":
    main()
