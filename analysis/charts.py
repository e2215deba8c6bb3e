"""Report charts drawn with matplotlib (Agg, no display) and returned as PNG bytes.

Each function takes the small tables a report already computed and returns a ``render.Chart``.
PNG metadata that would change between runs (software version) is left out.
"""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import PercentFormatter  # noqa: E402

from analysis.render import Chart  # noqa: E402

PALETTE = ["#2f6f9f", "#d9822b", "#3f9142", "#b83b5e", "#7b5ea7", "#8c6d31", "#3ba4a4", "#7f7f7f"]


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})
    return buf.getvalue()


def _short(label: str, width: int = 34) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def share_bars(filename: str, title: str, labels: list[str], shares: list[float],
               lows: list[float], highs: list[float], colors: list[str] | None = None) -> Chart:
    """Horizontal bars of shares with their 95% intervals, largest at the top."""
    height = 1.2 + 0.32 * max(len(labels), 1)
    fig = Figure(figsize=(8, height), layout="constrained")
    ax = fig.subplots()
    ys = list(range(len(labels)))[::-1]
    err = [[s - lo for s, lo in zip(shares, lows)], [hi - s for s, hi in zip(shares, highs)]]
    ax.barh(ys, shares, xerr=err, color=colors or PALETTE[0], ecolor="#333333", capsize=2.5, height=0.65)
    ax.set_yticks(ys, [_short(x) for x in labels], fontsize=9)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlim(0, min(1.0, max(highs + [0.05]) * 1.1))
    ax.set_title(title, fontsize=11, loc="left")
    ax.grid(axis="x", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    return Chart(filename, title, f"Bar chart: {title}", _png(fig))


def share_lines(filename: str, title: str, periods: list[str], series: dict[str, list[float | None]],
                ylabel: str = "share of postings") -> Chart:
    """One line per series over the periods; gaps where a period had too few postings."""
    fig = Figure(figsize=(8, 4.2), layout="constrained")
    ax = fig.subplots()
    xs = list(range(len(periods)))
    for i, (name, values) in enumerate(series.items()):
        ys = [float("nan") if v is None else v for v in values]
        ax.plot(xs, ys, marker="o", markersize=3.5, linewidth=1.8, color=PALETTE[i % len(PALETTE)],
                label=_short(name, 28))
    step = max(1, len(periods) // 12)
    ax.set_xticks(xs[::step], periods[::step], rotation=45 if len(periods) > 6 else 0, ha="right"
                  if len(periods) > 6 else "center", fontsize=8.5)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylim(bottom=0)
    ax.set_ylabel(ylabel, fontsize=9)
    ax.set_title(title, fontsize=11, loc="left")
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    if series:
        ax.legend(fontsize=8, frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return Chart(filename, title, f"Line chart: {title}", _png(fig))


def stacked_shares(filename: str, title: str, groups: list[str], bins: list[str],
                   matrix: list[list[float]]) -> Chart:
    """Horizontal 100% bars: for each group, the share of postings in each bin."""
    fig = Figure(figsize=(8, 1.4 + 0.45 * max(len(groups), 1)), layout="constrained")
    ax = fig.subplots()
    ys = list(range(len(groups)))[::-1]
    left = [0.0] * len(groups)
    for j, b in enumerate(bins):
        widths = [row[j] for row in matrix]
        ax.barh(ys, widths, left=left, color=PALETTE[j % len(PALETTE)], label=b, height=0.6)
        left = [lft + w for lft, w in zip(left, widths)]
    ax.set_yticks(ys, groups, fontsize=9)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlim(0, 1)
    ax.set_title(title, fontsize=11, loc="left")
    ax.legend(fontsize=8, frameon=False, ncols=min(len(bins), 7), loc="upper center",
              bbox_to_anchor=(0.5, -0.12))
    ax.spines[["top", "right"]].set_visible(False)
    return Chart(filename, title, f"Stacked bar chart: {title}", _png(fig))


def ranges(filename: str, title: str, groups: list[str], medians: list[float], q1: list[float],
           q3: list[float], unit: str) -> Chart:
    """Median (dot) and interquartile range (bar) per group."""
    fig = Figure(figsize=(8, 1.4 + 0.45 * max(len(groups), 1)), layout="constrained")
    ax = fig.subplots()
    ys = list(range(len(groups)))[::-1]
    ax.hlines(ys, q1, q3, color=PALETTE[0], linewidth=6, alpha=0.45, label="interquartile range")
    ax.plot(medians, ys, "o", color=PALETTE[1], label="median")
    ax.set_yticks(ys, groups, fontsize=9)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel(unit, fontsize=9)
    ax.set_title(title, fontsize=11, loc="left")
    ax.grid(axis="x", alpha=0.3)
    ax.legend(fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return Chart(filename, title, f"Range chart: {title}", _png(fig))
