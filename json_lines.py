"""Reading JSON Lines files (one JSON object per line), shared by `amscout import` and
`amscout extract --input`, so that both name a bad line the same way."""
from __future__ import annotations

import json
import sys
from typing import Iterator

from errors import AmscoutError


def read_json_lines(path, error: type[AmscoutError] = AmscoutError) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line of ``path`` ("-" reads standard input).

    A line that is not a JSON object, or a file that is not UTF-8, raises ``error`` with a
    one-line message naming the file and the line. A byte-order mark is accepted.
    """
    try:
        handle = sys.stdin if str(path) == "-" else open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise error(f"{path}, line {line_no}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise error(f"{path}, line {line_no}: expected a JSON object, found {type(record).__name__}")
            yield line_no, record
    except UnicodeDecodeError as exc:
        raise error(f"{path} is not UTF-8 text: {exc.reason}") from None
    finally:
        if handle is not sys.stdin:
            handle.close()
