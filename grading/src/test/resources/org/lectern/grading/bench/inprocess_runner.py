"""The in-process pytest runner Lectern used before tests and student code were split (kept for SplitGradingBench only; never used to grade). Runs inside the sandbox as the only entry point.

Started as `python3 -P -B runner.py <pytest args>`: -P keeps the job folder off
sys.path until pytest itself adds it while importing the test files, so a student
file named pytest.py, json.py or conftest.py cannot replace the harness before it
has loaded.

Each test's result is written, one JSON object per line, to file descriptor 3,
which the host opened on a file outside the job folder before the sandbox started.
Student code runs in this same process, so it could still find that descriptor and
write to it; the channel only stops the easy forgeries (writing a results file into
the job folder, printing fake lines to stdout, a conftest.py of one's own).
"""
import json
import os
import sys


def _take_channel():
    # os.dup gives a non-inheritable copy: subprocesses the student starts do not get it.
    try:
        fd = os.dup(3)
    except OSError:
        return open(os.devnull, "w", encoding="utf-8")
    os.close(3)
    return os.fdopen(fd, "w", encoding="utf-8")


_OUT = _take_channel()
os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only the plugins named here

import pytest  # noqa: E402  (after the environment is set)

MAX_MESSAGE = 4000


def _clip(text):
    text = text or ""
    if len(text) > MAX_MESSAGE:
        return text[:MAX_MESSAGE] + "\n... (message cut at %d characters)" % MAX_MESSAGE
    return text


def _emit(**record):
    _OUT.write(json.dumps(record) + "\n")
    _OUT.flush()  # flushed per line so results survive a later kill


def _points(item):
    marker = item.get_closest_marker("points")
    if marker is None:
        return None
    value = marker.args[0] if marker.args else marker.kwargs.get("n")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _skip_reason(report):
    if isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
        return str(report.longrepr[2])
    return report.longreprtext


class LecternResults:
    def __init__(self):
        self._tests = {}

    def pytest_configure(self, config):
        config.addinivalue_line("markers", "points(n): weight of this test within its file")

    def pytest_collectreport(self, report):
        if report.failed:
            _emit(type="collect_error", nodeid=report.nodeid, message=_clip(report.longreprtext))

    def pytest_collection_finish(self, session):
        for item in session.items:
            _emit(type="collected", nodeid=item.nodeid, points=_points(item))

    def pytest_runtest_logstart(self, nodeid, location):
        self._tests[nodeid] = {"outcome": None, "duration": 0.0, "message": ""}
        _emit(type="start", nodeid=nodeid)

    def pytest_runtest_logreport(self, report):
        state = self._tests.setdefault(report.nodeid, {"outcome": None, "duration": 0.0, "message": ""})
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
        state = self._tests.pop(nodeid, None) or {"outcome": None, "duration": 0.0, "message": ""}
        _emit(type="test", nodeid=nodeid, outcome=state["outcome"] or "error",
              duration=state["duration"], message=_clip(state["message"]))

    def pytest_sessionfinish(self, session, exitstatus):
        _emit(type="done", exitstatus=int(exitstatus))


if __name__ == "__main__":
    sys.exit(int(pytest.main(sys.argv[1:], plugins=[LecternResults()])))
