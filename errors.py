"""The one exception type that reaches the user as a one-line message.

Modules raise ``AmscoutError`` (or a subclass) for problems a user can fix: a missing file, an
unknown source, a bad filter, a locked database. ``cli.py`` prints its message after
``Error:`` and exits non-zero; anything else is a bug and keeps its traceback.
"""


class AmscoutError(Exception):
    """A problem worth one line to the user."""
