"""A Reply's chart as a PNG: matplotlib with Noto Sans CJK, so Chinese names and labels are drawn,
not boxes. Imported only by the senders that upload images (matplotlib is slow to import)."""
from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from handlers.text.reply import Chart

FONT_FAMILY = "Noto Sans CJK SC"


@cache
def _pyplot():
    import manimgx_fonts_cjk
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    font_manager.fontManager.addfont(str(font_path(manimgx_fonts_cjk)))
    plt.rcParams["font.sans-serif"] = [FONT_FAMILY, *plt.rcParams["font.sans-serif"]]
    plt.rcParams["axes.unicode_minus"] = False
    return plt


def font_path(package=None) -> Path:
    """The Noto Sans CJK collection shipped in the `manimgx-fonts-cjk` wheel."""
    if package is None:
        import manimgx_fonts_cjk as package
    return Path(package.__file__).parent / "NotoSansCJK-VF.otf.ttc"


def render_png(chart: Chart, dpi: int = 110) -> bytes:
    """Horizontal bars, one per label, with the target as a marker where there is one."""
    plt = _pyplot()
    rows = len(chart.labels)
    fig, ax = plt.subplots(figsize=(7, 1.2 + 0.45 * rows), dpi=dpi)
    try:
        places = list(range(rows))[::-1]
        ax.barh(places, chart.values, color="#2E86AB", label=chart.value_label or None)
        if any(chart.targets):
            ax.scatter(chart.targets, places, marker="|", s=400, color="#E4572E", zorder=3,
                       label=chart.target_label or None)
        ax.set_yticks(places, chart.labels)
        ax.set_title(chart.title)
        ax.xaxis.set_major_formatter(lambda value, _pos: _short(value, chart.unit))
        ax.spines[["top", "right"]].set_visible(False)
        if chart.value_label or chart.target_label:
            ax.legend(loc="lower right", frameon=False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)


def _short(value: float, unit: str = "") -> str:
    """An axis label as the text writes amounts: 150万 and 1.5亿 in Chinese, 150K and 1.5M else."""
    steps = ((1e8, "亿"), (1e4, "万")) if unit == "万" else ((1e6, "M"), (1e3, "K"))
    for size, suffix in steps:
        if abs(value) >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"
