"""Stands in for otter-grader in a student's notebook while Lectern grades it.

The notebook's `import otter`, `grader = otter.Notebook(...)`, `grader.check("q1")` and `grader.check_all()` run
unchanged and do nothing here: Lectern runs the questions' tests itself, on the tests' side. A student's own module
named otter, handed in beside the notebook, comes first on the path.
"""


class Notebook:
    def __init__(self, *args, **kwargs):
        pass

    def check(self, *args, **kwargs):
        return None

    def check_all(self, *args, **kwargs):
        return None

    def export(self, *args, **kwargs):
        return None

    def __getattr__(self, name):
        return lambda *args, **kwargs: None
