"""Simple floor-plan drawings of the standard house designs, as PDFs (ReportLab): the plot, the
house and its rooms with dimension lines, on A4 landscape at 1:100 (1:150 when it does not fit),
with a title block. Used by the demo seed; admins upload the real drawings of their library."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas


@dataclass(frozen=True)
class Plan:
    name: str
    type_label: str
    plot_width: float  # m
    plot_depth: float  # m
    house_width: float  # m
    house_depth: float  # m
    front_setback: float  # m, from the road to the house
    storeys: int
    bedrooms: int
    authority: str = "Dinas PUPR-PKP Kota Probolinggo"


def _rooms(plan: Plan, storey: int) -> list[tuple[float, float, float, float, str]]:
    """Rooms as (x, y, width, depth, name) in metres inside the house, y from the front wall."""
    w, d = plan.house_width, plan.house_depth
    front = round(d * 0.5, 2)
    back = d - front
    left = round(w * 0.55, 2)
    right = w - left
    if storey == 2:
        if plan.bedrooms >= 3:
            rooms = [(0, 0, w / 2, front, "Kamar tidur 2"), (w / 2, 0, w / 2, front, "Kamar tidur 3")]
        else:
            rooms = [(0, 0, w, front, "Kamar tidur 2")]
        return [*rooms, (0, front, left, back, "Tangga / selasar"), (left, front, right, back, "Kamar mandi")]
    rooms = [(0, 0, left, front, "Ruang tamu / keluarga")]
    if plan.storeys == 2:
        rooms += [(left, 0, right, front, "Kamar tidur 1"), (left, front, right, back, "Tangga")]
    elif plan.bedrooms >= 2:
        rooms += [(left, 0, right, front, "Kamar tidur 1"), (left, front, right, back, "Kamar tidur 2")]
    else:
        rooms += [(left, 0, right, d, "Kamar tidur 1")]
    kitchen = round(left * 0.6, 2)
    rooms += [
        (0, front, kitchen, back, "Dapur / ruang makan"),
        (kitchen, front, left - kitchen, back, "KM/WC"),
    ]
    if plan.storeys == 1 and plan.bedrooms >= 3:
        rooms[-1] = (kitchen, front, left - kitchen, back / 2, "KM/WC")
        rooms.append((kitchen, front + back / 2, left - kitchen, back / 2, "Kamar tidur 3"))
    return rooms


def _dimension(c: canvas.Canvas, x1, y1, x2, y2, text: str, *, offset: float) -> None:
    """A dimension line parallel to (x1,y1)-(x2,y2), ``offset`` points away, with ticks and text."""
    c.saveState()
    c.setLineWidth(0.4)
    if y1 == y2:  # horizontal
        y = y1 + offset
        c.line(x1, y, x2, y)
        for x in (x1, x2):
            c.line(x, y - 2.5, x, y + 2.5)
        c.setFont("Helvetica", 7)
        c.drawCentredString((x1 + x2) / 2, y + 2, text)
    else:
        x = x1 + offset
        c.line(x, y1, x, y2)
        for y in (y1, y2):
            c.line(x - 2.5, y, x + 2.5, y)
        c.setFont("Helvetica", 7)
        c.translate(x - 2, (y1 + y2) / 2)
        c.rotate(90)
        c.drawCentredString(0, 0, text)
    c.restoreState()


def _metres(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") + " m"


def floor_plan_pdf(plan: Plan) -> bytes:
    buffer = io.BytesIO()
    page_w, page_h = landscape(A4)
    c = canvas.Canvas(buffer, pagesize=(page_w, page_h))
    c.setTitle(f"{plan.name} ({plan.type_label})")
    c.setAuthor(plan.authority)
    drawing_w = page_w - 40 * mm
    drawing_h = page_h - 70 * mm
    needed_w = plan.plot_width * plan.storeys + 12 * (plan.storeys - 1)
    scale = 100 if needed_w * 10 * mm <= drawing_w and plan.plot_depth * 10 * mm <= drawing_h else 150
    unit = 1000 / scale * mm  # one metre on paper
    for storey in range(1, plan.storeys + 1):
        ox = 25 * mm + (storey - 1) * (plan.plot_width + 12) * unit
        oy = 45 * mm
        c.setDash(4, 3)
        c.setLineWidth(0.5)
        c.rect(ox, oy, plan.plot_width * unit, plan.plot_depth * unit)
        c.setDash()
        hx = ox + (plan.plot_width - plan.house_width) / 2 * unit
        hy = oy + plan.front_setback * unit
        c.setLineWidth(1.6)
        c.rect(hx, hy, plan.house_width * unit, plan.house_depth * unit)
        c.setLineWidth(0.7)
        for x, y, w, d, name in _rooms(plan, storey):
            c.rect(hx + x * unit, hy + y * unit, w * unit, d * unit)
            c.setFont("Helvetica", 6.5)
            c.drawCentredString(hx + (x + w / 2) * unit, hy + (y + d / 2) * unit + 2, name)
            c.setFont("Helvetica", 5.5)
            c.drawCentredString(
                hx + (x + w / 2) * unit, hy + (y + d / 2) * unit - 6, f"{_metres(w)} × {_metres(d)}"
            )
        _dimension(c, hx, hy, hx + plan.house_width * unit, hy, _metres(plan.house_width), offset=-8)
        _dimension(
            c,
            hx + plan.house_width * unit,
            hy,
            hx + plan.house_width * unit,
            hy + plan.house_depth * unit,
            _metres(plan.house_depth),
            offset=8,
        )
        _dimension(c, ox, oy, ox + plan.plot_width * unit, oy, _metres(plan.plot_width), offset=-18)
        _dimension(c, ox, oy, ox, oy + plan.plot_depth * unit, _metres(plan.plot_depth), offset=-10)
        c.setFont("Helvetica", 7)
        c.drawCentredString(ox + plan.plot_width * unit / 2, oy - 28, "JALAN / DEPAN KAVLING")
        if plan.storeys > 1:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(ox, oy + plan.plot_depth * unit + 6, f"DENAH LANTAI {storey}")
    c.setLineWidth(0.8)
    c.rect(15 * mm, 8 * mm, page_w - 30 * mm, 22 * mm)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(20 * mm, 22 * mm, f"{plan.name} ({plan.type_label})")
    c.setFont("Helvetica", 8)
    area = plan.house_width * plan.house_depth * plan.storeys
    c.drawString(
        20 * mm,
        15 * mm,
        f"Kavling {_metres(plan.plot_width)} × {_metres(plan.plot_depth)} ({plan.plot_width * plan.plot_depth:.0f} m²) · "
        f"Luas bangunan {area:.0f} m² · {plan.storeys} lantai · {plan.bedrooms} kamar tidur · Skala 1:{scale}",
    )
    c.drawString(
        20 * mm,
        10 * mm,
        f"Desain prototipe rumah standar gratis — {plan.authority}. Dapat dilampirkan pada permohonan PBG rumah tinggal.",
    )
    c.showPage()
    c.save()
    return buffer.getvalue()
