"""One renderer for every report: a ``Report`` in, a folder out.

A report builder (trends.py, gap.py) describes its content as sections of paragraphs, tables and
charts; this module writes the same content as ``report.md``, a self-contained ``report.html``
(jinja2 with autoescape on, charts embedded as base64 PNG), ``data.csv`` and ``data.json``
(every number shown, nothing time-dependent, so equal data gives equal bytes), the chart PNGs,
and ``manifest.json`` (the only file carrying the creation date).
"""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import jinja2

from errors import AmscoutError

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class Table:
    """A table: ``rows`` (raw values, written to data files) and ``cells`` (strings shown)."""
    name: str
    title: str
    columns: list[str]
    rows: list[dict]
    header: list[str]
    cells: list[list[str]]
    note: str = ""
    kind: str = "table"


    @property
    def numeric(self) -> list[bool]:
        """Per column: right-align it (every cell is a number, a share or a dash)? The first never."""
        cols = list(zip(*self.cells)) if self.cells else [()] * len(self.header)
        return [i > 0 and all(_NUMERIC.match(c) for c in col) for i, col in enumerate(cols)]


_NUMERIC = re.compile(r"^(?:[-+<]?[\d.,]+.*|—|too few.*)$")


@dataclass
class Chart:
    filename: str
    title: str
    alt: str
    png: bytes
    kind: str = "chart"

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass
class Section:
    id: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    items: list = field(default_factory=list)
    code: str | None = None  # a block to copy verbatim (the citation)


@dataclass
class Report:
    name: str
    title: str
    subtitle: str
    sections: list[Section]
    data: dict            # deterministic facts for data.json (filters, n, fingerprint, summary)
    manifest: dict        # command, versions, filters, n, fingerprint (the date is added here)

    def tables(self) -> list[Table]:
        return [i for s in self.sections for i in s.items if isinstance(i, Table)]

    def charts(self) -> list[Chart]:
        return [i for s in self.sections for i in s.items if isinstance(i, Chart)]


# --------------------------------------------------------------------------- formatting

def pct(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value * 100:.{digits}f}%"


def pct_ci(cell: dict) -> str:
    """'34.5% (31.2–37.9)' or the cell's 'too few' note."""
    if cell.get("share") is None:
        return cell.get("note") or "—"
    return f"{pct(cell['share'])} ({cell['low'] * 100:.1f}–{cell['high'] * 100:.1f})"


def num(value, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:,.{digits}f}"


def table(name: str, title: str, rows: list[dict], show: list[tuple[str, object]], note: str = "") -> Table:
    """Build a Table whose shown cells come from ``show``: (header, key or function of the row)."""
    cells = []
    for r in rows:
        line = []
        for _, how in show:
            v = how(r) if callable(how) else r.get(how)
            line.append("—" if v is None else str(v))
        cells.append(line)
    columns = list(dict.fromkeys(k for r in rows for k in r)) if rows else []
    return Table(name, title, columns, rows, [h for h, _ in show], cells, note)


# --------------------------------------------------------------------------- writers

def write_report(report: Report, out_dir: str | Path) -> dict:
    """Write every file of the report into ``out_dir``; returns {'dir', 'files'}."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AmscoutError(f"cannot create report folder {out}: {exc.strerror or exc}") from None
    files: dict[str, bytes] = {
        "report.md": render_markdown(report).encode("utf-8"),
        "report.html": render_html(report).encode("utf-8"),
        "data.csv": render_csv(report).encode("utf-8"),
        "data.json": render_json(report).encode("utf-8"),
    }
    for chart in report.charts():
        files[chart.filename] = chart.png
    manifest = dict(report.manifest)
    manifest["created"] = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    manifest["files"] = {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
    files["manifest.json"] = (json.dumps(_plain(manifest), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    try:
        for name, data in files.items():
            (out / name).write_bytes(data)
    except OSError as exc:
        raise AmscoutError(f"cannot write report to {out}: {exc.strerror or exc}") from None
    return {"dir": str(out), "files": sorted(files)}


def _plain(value):
    """JSON-safe plain Python values (numpy numbers, tuples, NaN -> None)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def render_json(report: Report) -> str:
    data = dict(report.data)
    data["tables"] = {t.name: {"title": t.title, "rows": t.rows} for t in report.tables()}
    return json.dumps(_plain(data), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def render_csv(report: Report) -> str:
    """All tables in one tidy CSV: a ``table`` column, then the union of the tables' columns."""
    columns: list[str] = []
    for t in report.tables():
        columns.extend(c for c in t.columns if c not in columns)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["table"] + columns)
    for t in report.tables():
        for row in t.rows:
            writer.writerow([t.name] + [_csv_value(row.get(c)) for c in columns])
    return buf.getvalue()


def _csv_value(v) -> str:
    v = _plain(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def md_escape(text) -> str:
    """Cell text safe in a Markdown table: no raw HTML, no column breaks, one line."""
    s = " ".join(str(text).split())
    return (s.replace("\\", "\\\\").replace("|", "\\|").replace("&", "&amp;")
            .replace("<", "&lt;").replace(">", "&gt;"))


def render_markdown(report: Report) -> str:
    lines = [f"# {md_escape(report.title)}", "", md_escape(report.subtitle), ""]
    for s in report.sections:
        lines += [f"## {md_escape(s.title)}", ""]
        for p in s.paragraphs:
            lines += [md_escape(p), ""]
        if s.bullets:
            lines += [f"- {md_escape(b)}" for b in s.bullets] + [""]
        for item in s.items:
            if isinstance(item, Chart):
                lines += [f"![{md_escape(item.alt)}]({item.filename})", ""]
            else:
                lines += [f"**{md_escape(item.title)}**", ""]
                if not item.cells:
                    lines += ["_No data._", ""]
                else:
                    lines.append("| " + " | ".join(md_escape(h) for h in item.header) + " |")
                    lines.append("|" + "|".join("---" for _ in item.header) + "|")
                    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in item.cells]
                    lines.append("")
                if item.note:
                    lines += [f"_{md_escape(item.note)}_", ""]
        if s.code:
            lines += ["```", s.code, "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_html(report: Report) -> str:
    return _environment().get_template("report.html.j2").render(report=report)
