"""Bar charts as inline SVG geometry, computed on the server: no JavaScript, sharp on a projector
and in print. The template draws the bars; the same numbers are in a table beside the chart."""

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 36


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def bar_chart(*, title: str, labels: list[str], series: list[tuple[str, list]], max_value=None) -> dict:
    values = [v for _, data in series for v in data if v is not None]
    top = max_value or _nice_ceiling(max(values, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group_w = plot_w / max(len(labels), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    bars = []
    for s_index, (name, data) in enumerate(series):
        for i, value in enumerate(data):
            height = 0 if value is None else plot_h * value / top
            bars.append(
                {
                    "x": round(LEFT + i * group_w + group_w * 0.1 + s_index * bar_w, 1),
                    "y": round(TOP + plot_h - height, 1),
                    "width": round(bar_w, 1),
                    "height": round(height, 1),
                    "series": s_index,
                    "title": f"{labels[i]} · {name}: {'-' if value is None else value}",
                }
            )
    ticks = [{"y": round(TOP + plot_h - plot_h * k / 4, 1), "label": f"{top * k / 4:g}"} for k in range(5)]
    x_labels = [
        {"x": round(LEFT + i * group_w + group_w / 2, 1), "label": label} for i, label in enumerate(labels)
    ]
    return {
        "title": title,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_h,
        "label_y": HEIGHT - 12,
        "bars": bars,
        "ticks": ticks,
        "x_labels": x_labels,
        "legend": [{"name": name, "series": i} for i, (name, _) in enumerate(series)],
    }
