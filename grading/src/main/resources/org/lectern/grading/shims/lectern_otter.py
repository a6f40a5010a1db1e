"""Otter-Grader OK-format tests and nbgrader test cells, run by Lectern on the tests' side.

An OK-format file (ucbds-infra/otter-grader, docs/test_files/python_format.rst) defines
`test = {"name": "q1", "points": 1, "suites": [{"cases": [{"code": ">>> ...", "hidden": False}], "type": "doctest"}]}`.
Each case is a doctest. Otter runs it in the student's global namespace; here it runs in the tests' process with
names looked up in the student's module through the relay (`import submission`), so no code of the student's
decides what the case prints: values cross as plain data, and an object of the student's own type is shown as
"<object from your code>", never by its __repr__. Built-in names and modules are the tests' own, whatever the
notebook rebinds them to. `setup`, `teardown`, `locked` and `scored` are ignored, as Otter does.
"""
import builtins
import contextlib
import doctest
import importlib
import io
import sys

import pytest

# Modules a notebook's `import x as y` may bring into a case's namespace; they are imported on the tests' side.
MODULES = {"numpy", "math", "pandas", "scipy", "torch", "random", "statistics", "collections", "itertools",
           "functools", "re", "json", "string", "fractions", "decimal", "matplotlib", "sklearn"}
# Names a case means as these modules whatever the notebook bound them to (a notebook's `np = FakeNumpy()` with an
# isclose that always says True must not pass a case).
ALIASES = dict({name: name for name in MODULES}, np="numpy", pd="pandas", plt="matplotlib.pyplot", F="torch.nn.functional",
               nn="torch.nn")


def load(path):
    """The `test` dict of an OK-format file (the instructor's, on the tests' side)."""
    namespace = {}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), namespace)
    test = namespace.get("test")
    if not isinstance(test, dict):
        raise ValueError("%s defines no `test` dict (OK format)" % path)
    return test


def cases(path):
    """One pytest.param per case, marked hidden when the case is; ids case1, case2, ..."""
    test = load(path)
    params = []
    number = 0
    for suite in test.get("suites", []):
        for case in suite.get("cases", []):
            number += 1
            marks = [pytest.mark.visibility("hidden")] if case.get("hidden") else []
            params.append(pytest.param(str(case.get("code", "")), id="case%d" % number, marks=marks))
    return params


class _Namespace(dict):
    """A case's names: the tests' builtins and modules first, then the student's module, read through the relay."""

    def __init__(self, module):
        super().__init__()
        self._module = module

    def __contains__(self, name):  # `"x" in env` in an exception-based case asks the notebook, as Otter's globals would
        if dict.__contains__(self, name):
            return True
        try:
            self[name]
            return True
        except KeyError:
            return False

    def __missing__(self, name):
        if hasattr(builtins, name):
            raise KeyError(name)  # falls through to the real builtins
        if name in ALIASES:
            value = importlib.import_module(ALIASES[name])
            self[name] = value
            return value
        try:
            value = getattr(self._module, name)
        except AttributeError:
            raise KeyError(name) from None
        if type(value).__name__ == "Remote" and getattr(value, "_kind", None) == "module":
            value = _local_module(value, name)
        self[name] = value
        return value


def _local_module(remote, alias):
    runner = sys.modules.get("__main__")
    try:
        real = runner._request("getattr", remote, "%s.__name__" % alias, name="__name__")
    except BaseException:  # noqa: B036
        real = None
    if isinstance(real, str) and real.split(".")[0] in MODULES:
        return importlib.import_module(real)
    raise NameError("the tests cannot use the module %r from your notebook (%s)" % (alias, real))


def _display(value):
    if value is None:
        return
    if type(value).__name__ in ("Remote", "ProxyModule"):
        print("<object from your code>")
    else:
        print(repr(value))


def run(code, module_name="submission"):
    """Runs one case's examples in order; fails the test at the first example whose output differs."""
    module = importlib.import_module(module_name)
    namespace = _Namespace(module)
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    # The namespace is the globals too, so names inside a case's lambdas and generator expressions resolve the same way.
    namespace["__builtins__"] = builtins
    namespace["__name__"] = "__otter_case__"
    for example in doctest.DocTestParser().get_examples(code):
        out = io.StringIO()
        hook = sys.displayhook
        sys.displayhook = _display
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(example.source, "<case>", "single"), namespace)
            got = out.getvalue()
        except AssertionError as exc:
            got = out.getvalue() + "AssertionError: %s\n" % exc
        except Exception as exc:  # noqa: BLE001 (the case's own failure, shown as doctest shows it)
            got = out.getvalue() + "Traceback (most recent call last):\n%s: %s\n" % (type(exc).__name__, exc)
            if example.exc_msg is not None and checker.check_output(example.exc_msg, "%s: %s\n" % (type(exc).__name__, exc), flags):
                continue
        finally:
            sys.displayhook = hook
        if not checker.check_output(example.want, got, flags):
            pytest.fail(">>> %s\nExpected:\n%s\nGot:\n%s" % (example.source.rstrip(), example.want.rstrip() or "(nothing)",
                                                         got.rstrip() or "(nothing)"), pytrace=False)


def run_cell(code, module_name="submission"):
    """An nbgrader test cell: runs in the same namespace as a case (the student's names through the relay, the
    tests' own builtins and modules) and passes when it raises nothing."""
    namespace = _Namespace(importlib.import_module(module_name))
    namespace["__builtins__"] = builtins
    namespace["__name__"] = "__nbgrader_test__"
    exec(compile(code, "<test cell>", "exec"), namespace)


# Otter-Grader's exception-based test files (ucbds-infra/otter-grader, docs/test_files/python_format.rst, "Exception-
# Based Format"): `OK_FORMAT = False`, `from otter.test_files import test_case`, and one function per case decorated
# `@test_case(points=..., hidden=..., failure_message=...)`, whose parameters name what it needs from the notebook's
# globals (`env`: all of them). A case passes when it raises nothing. The instructor's file runs on the tests' side with
# a stand-in for `otter.test_files` (otter itself is not installed); its parameters are the student's names read
# through the relay, as a doctest case's are, so no object of the student's decides a comparison.


def _test_case_recorder(recorded):
    def test_case(name=None, points=None, hidden=False, success_message=None, failure_message=None):
        if callable(name) and points is None and not hidden:  # used bare: @test_case
            return test_case()(name)

        def decorate(function):
            recorded.append({"function": function, "name": name if isinstance(name, str) and name else function.__name__,
                             "points": points, "hidden": bool(hidden), "failure_message": failure_message})
            return function
        return decorate
    return test_case


def load_exception_cases(path):
    """The cases of an exception-based file, in the file's order."""
    import types
    recorded = []
    package = types.ModuleType("otter")
    test_files = types.ModuleType("otter.test_files")
    test_files.test_case = _test_case_recorder(recorded)
    package.test_files = test_files
    saved = {name: sys.modules.get(name) for name in ("otter", "otter.test_files")}
    sys.modules["otter"], sys.modules["otter.test_files"] = package, test_files
    try:
        with open(path, encoding="utf-8") as f:
            exec(compile(f.read(), path, "exec"), {"__name__": "__otter_tests__", "__builtins__": builtins})
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    if not recorded:
        raise ValueError("%s has no @test_case functions (Otter's exception-based format)" % path)
    return recorded


def exception_cases(path):
    """One pytest.param per case (its name as id), hidden when the case is, weighted by its points when every case
    says its points (otherwise the question's points are shared equally)."""
    recorded = load_exception_cases(path)
    weighted = all(isinstance(c["points"], (int, float)) and not isinstance(c["points"], bool) for c in recorded)
    params = []
    for case in recorded:
        marks = [pytest.mark.visibility("hidden")] if case["hidden"] else []
        if weighted:
            marks.append(pytest.mark.points(case["points"]))
        params.append(pytest.param(case["name"], id=case["name"], marks=marks))
    return params


def run_exception_case(path, name, module_name="submission"):
    """Runs the named case with its parameters taken from the student's notebook; fails with the case's
    failure_message (or the exception) when it raises."""
    import inspect
    case = next(c for c in load_exception_cases(path) if c["name"] == name)
    namespace = _Namespace(importlib.import_module(module_name))
    arguments = {}
    for parameter in inspect.signature(case["function"]).parameters.values():
        if parameter.name == "env":
            arguments["env"] = namespace
            continue
        try:
            arguments[parameter.name] = namespace[parameter.name]
        except KeyError:
            if parameter.default is not inspect.Parameter.empty:
                continue
            pytest.fail("Your notebook defines no %r, which this test needs." % parameter.name, pytrace=False)
    try:
        case["function"](**arguments)
    except Exception as exc:  # noqa: BLE001 (the case's failure, said as Otter says it)
        message = case["failure_message"] or ("%s: %s" % (type(exc).__name__, exc)).rstrip(": ")
        pytest.fail(message, pytrace=False)
