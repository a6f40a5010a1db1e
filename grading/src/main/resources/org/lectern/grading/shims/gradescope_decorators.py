"""Lectern's stand-in for gradescope_utils.autograder_utils.decorators (same names, same attributes).

The originals (gradescope/gradescope-utils, autograder_utils/decorators.py, BSD-2-Clause) leave their values on the
test function as __weight__, __visibility__, __number__, __tags__, __hide_errors__ and __score__; Lectern's pytest
runner reads them from there. Only the tests' side of the sandbox sees this module.
"""
import functools
import inspect


class weight(object):
    """@weight(n): the test is worth n (a weight within its file, as @pytest.mark.points)."""

    def __init__(self, val):
        self.val = val

    def __call__(self, func):
        func.__weight__ = self.val
        return func


class visibility(object):
    """@visibility("hidden" | "after_due_date" | "after_published" | "visible")."""

    def __init__(self, val):
        self.val = val

    def __call__(self, func):
        func.__visibility__ = self.val
        return func


class number(object):
    """@number("1.2"): the test's number as shown."""

    def __init__(self, val):
        self.val = val

    def __call__(self, func):
        func.__number__ = self.val
        return func


class tags(object):
    def __init__(self, *args):
        self.tags = args

    def __call__(self, func):
        func.__tags__ = self.tags
        return func


class hide_errors(object):
    """@hide_errors("message"): a failure shows this message instead of its traceback."""

    def __init__(self, val="Test failed"):
        self.val = val

    def __call__(self, func):
        func.__hide_errors__ = self.val
        return func


def _without(func, name):
    """The function's signature less one keyword, so that pytest does not look for a fixture of that name."""
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    return signature.replace(parameters=[p for p in signature.parameters.values() if p.name != name])


class partial_credit(object):
    """@partial_credit(n): the test is worth n and receives set_score(x) to earn x of it."""

    def __init__(self, val):
        self.val = val

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            def set_score(score):
                wrapper.__score__ = score
            kwargs["set_score"] = set_score
            return func(*args, **kwargs)

        wrapper.__weight__ = self.val
        signature = _without(func, "set_score")
        if signature is not None:
            wrapper.__signature__ = signature
        return wrapper


class leaderboard(object):
    """@leaderboard("name"): accepted so that files import; the value it receives is not used by Lectern."""

    def __init__(self, column_name, sort_order="desc"):
        self.column_name = column_name
        self.sort_order = sort_order

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            kwargs["set_leaderboard_value"] = lambda value: None
            return func(*args, **kwargs)

        signature = _without(func, "set_leaderboard_value")
        if signature is not None:
            wrapper.__signature__ = signature
        return wrapper
