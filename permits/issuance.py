"""Issued permits and levy assessments: their numbers, the public verification code and URL, and the
permit as a PDF (ReportLab and segno: pure Python, no system packages, no system fonts).

Numbers
=======
- SKRD: ``SKRD/<SERVICE CODE>/<YEAR>/<6 digits>``, e.g. ``SKRD/PBG/2026/000045``.
- Permit: ``<CLASS>/<SERVICE CODE>/<4 digits>/<UNIT>/<YEAR>``, e.g. ``503/PBG/0007/425.110/2026``:
  the layout of a local-government letter number. ``CLASS`` is the archive classification code of
  licensing (``MPP_PERMIT_NUMBER_CLASS``, default "503"), ``UNIT`` the issuing unit's code
  (``MPP_PERMIT_NUMBER_UNIT``, default "425.110"): both are the city's values, set per deployment.

Both sequences run per service and per year and are allocated under a row lock (``IssuanceSequence``)
inside the issuing transaction: no duplicates, no gaps.

Verification
============
Each permit has a random 12-character code from an alphabet without look-alikes (no 0/O, 1/I/L):
31^12 (about 8 x 10^17) possibilities, so codes cannot be guessed, and the public page is rate
limited as well. The QR code on the PDF holds ``verification_url(permit)``: the absolute URL of
the public page, built from ``MPP_PUBLIC_BASE_URL`` (default "http://localhost:8000").
"""

from __future__ import annotations

import io
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import segno
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    HRFlowable,
    Image,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .models import IssuanceSequence
from .tracking import SECRET_ALPHABET, normalize_secret

if TYPE_CHECKING:
    from agencies.models import Agency

    from .models import Permit

CODE_LENGTH = 12
DEFAULT_PUBLIC_BASE_URL = "http://localhost:8000"
DEFAULT_NUMBER_CLASS = "503"
DEFAULT_NUMBER_UNIT = "425.110"
_CODE_RE = re.compile(f"^[{SECRET_ALPHABET}]{{{CODE_LENGTH}}}$")


# --- Numbers ----------------------------------------------------------------------------------


def allocate_sequence(*, kind: str, key: str, year: int) -> int:
    """The next number of ``kind`` for ``key`` (a service code) in ``year``. Call inside the
    issuing transaction: the sequence row stays locked until it commits."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_sequence must run inside a transaction.")
    # get_or_create survives two first numbers of the year at once (the loser's INSERT waits for
    # the winner, fails on the unique constraint and reads the winner's row).
    IssuanceSequence.objects.get_or_create(kind=kind, key=key, year=year)
    sequence = IssuanceSequence.objects.select_for_update().get(kind=kind, key=key, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return sequence.last


def assessment_number(*, service_code: str, year: int, sequence: int) -> str:
    return f"SKRD/{service_code}/{year}/{sequence:06d}"


def permit_number(*, service_code: str, year: int, sequence: int) -> str:
    number_class = getattr(settings, "MPP_PERMIT_NUMBER_CLASS", DEFAULT_NUMBER_CLASS)
    unit = getattr(settings, "MPP_PERMIT_NUMBER_UNIT", DEFAULT_NUMBER_UNIT)
    return f"{number_class}/{service_code}/{sequence:04d}/{unit}/{year}"


# --- Verification codes and URLs ----------------------------------------------------------------


def new_verification_code() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(value: str) -> str:
    """Upper-case without spaces or dashes: people type "abcd-efgh-jkmn" from the paper."""
    return normalize_secret(value)


def looks_like_code(value: str) -> bool:
    return bool(_CODE_RE.match(value or ""))


def format_code(code: str) -> str:
    """The code in groups of four for reading out and typing: ABCD-EFGH-JKMN."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def public_base_url() -> str:
    return getattr(settings, "MPP_PUBLIC_BASE_URL", DEFAULT_PUBLIC_BASE_URL).rstrip("/")


def verification_url(permit: Permit) -> str:
    """The absolute URL of the permit's public verification page: what the QR code holds."""
    return public_base_url() + reverse("verify:check", args=[permit.verification_code])


def verification_form_url() -> str:
    return public_base_url() + reverse("verify:form")


def mask_name(name: str) -> str:
    """A name as the public verification page shows it: the first two letters of each word, the
    rest starred ("Budi Santoso" -> "Bu** Sa*****"): enough to compare with the paper in hand,
    not enough to learn a holder's name from a code."""
    words = []
    for word in (name or "").split():
        keep = 1 if len(word) <= 3 else 2
        words.append(word[:keep] + "*" * (len(word) - keep))
    return " ".join(words)


def mpp_zone() -> ZoneInfo:
    """The MPP's time zone (its profile's; the project's default without a profile): dates on the
    permit and the verification page are the MPP's local dates."""
    from agencies.selectors import mpp_profile

    profile = mpp_profile()
    return ZoneInfo(profile.time_zone) if profile else timezone.get_default_timezone()


# --- Signer -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    name: str
    position: str


def permit_signer(agency: Agency) -> Signer:
    """Who signs the agency's permits: the signer of its maklumat in force, else the settings
    ``MPP_PERMIT_SIGNER_NAME`` / ``MPP_PERMIT_SIGNER_POSITION``, else "Kepala <agency>"."""
    from agencies.selectors import current_maklumat

    maklumat = current_maklumat(agency=agency)
    if maklumat is not None and maklumat.signer_position:
        return Signer(name=maklumat.signer_name, position=maklumat.signer_position)
    position = getattr(settings, "MPP_PERMIT_SIGNER_POSITION", "")
    if position:
        return Signer(name=getattr(settings, "MPP_PERMIT_SIGNER_NAME", ""), position=position)
    return Signer(name="", position=_("Kepala %(agency)s") % {"agency": agency.name})


# --- The PDF ----------------------------------------------------------------------------------


def qr_png(data: str) -> bytes:
    """A QR code of ``data`` as a PNG (error correction M, the standard 4-module quiet zone)."""
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()


def _date(value: date | datetime | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "j F Y")


_INK = colors.HexColor("#1a1a1a")
_MUTED = colors.HexColor("#555555")
_RULE = colors.HexColor("#0b3d91")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=10.5, leading=14, textColor=_INK)
    return {
        "base": base,
        "org": ParagraphStyle(
            "org", parent=base, fontName="Helvetica-Bold", fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "agency": ParagraphStyle(
            "agency", parent=base, fontName="Helvetica-Bold", fontSize=12, leading=15, alignment=TA_CENTER
        ),
        "address": ParagraphStyle(
            "address", parent=base, fontSize=8.5, leading=11, alignment=TA_CENTER, textColor=_MUTED
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=17,
            leading=21,
            alignment=TA_CENTER,
            spaceAfter=2,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontName="Helvetica-Bold", fontSize=11.5, leading=15, alignment=TA_CENTER
        ),
        "number": ParagraphStyle("number", parent=base, fontSize=11, leading=15, alignment=TA_CENTER),
        "label": ParagraphStyle("label", parent=base, textColor=_MUTED),
        "value": ParagraphStyle("value", parent=base, fontName="Helvetica-Bold"),
        "small": ParagraphStyle(
            "small", parent=base, fontSize=7.5, leading=9.5, textColor=_MUTED, alignment=TA_LEFT
        ),
        "code": ParagraphStyle("code", parent=base, fontName="Helvetica-Bold", fontSize=10, leading=13),
        "sign": ParagraphStyle("sign", parent=base, alignment=TA_LEFT),
        "footer": ParagraphStyle(
            "footer", parent=base, fontSize=7.5, leading=9.5, textColor=_MUTED, alignment=TA_CENTER
        ),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def build_permit_pdf(permit: Permit) -> bytes:
    """The permit as an A4 PDF, in Indonesian (an official document is issued in the national
    language whatever the officer's interface language)."""
    with translation.override(settings.LANGUAGE_CODE), timezone.override(mpp_zone()):
        return _build(permit)


def _build(permit: Permit) -> bytes:
    from agencies.selectors import mpp_profile

    application = permit.application
    agency = application.agency
    profile = mpp_profile()
    mpp_name = profile.name if profile else _("Mal Pelayanan Publik")
    city = (profile.city if profile else "") or ""
    url = verification_url(permit)
    check_url = verification_form_url()
    code = format_code(permit.verification_code)
    st = _styles()
    width = A4[0] - 40 * mm - 12  # the frame's text width: margins and its 6 pt padding each side

    story: list = [
        _p(mpp_name.upper(), st["org"]),
        _p(permit.agency_name, st["agency"]),
    ]
    contact = " · ".join(part for part in (agency.address, agency.phone, agency.email) if part)
    if contact:
        story.append(_p(contact, st["address"]))
    story += [
        Spacer(1, 2 * mm),
        HRFlowable(width="100%", thickness=2, color=_RULE, spaceAfter=0.8 * mm),
        HRFlowable(width="100%", thickness=0.6, color=_RULE, spaceAfter=8 * mm),
        _p(permit.title.upper(), st["title"]),
        _p(permit.service_name.upper(), st["subtitle"]),
        Spacer(1, 1.5 * mm),
        _p(_("Nomor: %(number)s") % {"number": permit.number}, st["number"]),
        Spacer(1, 8 * mm),
        _p(
            _(
                "Berdasarkan permohonan nomor %(tracking)s yang diajukan pada %(submitted)s dan telah "
                "diperiksa sesuai standar pelayanan yang berlaku, %(agency)s menerbitkan izin ini kepada:"
            )
            % {
                "tracking": application.tracking_number,
                "submitted": _date(application.submitted_at),
                "agency": permit.agency_name,
            },
            st["base"],
        ),
        Spacer(1, 4 * mm),
    ]

    valid_until = _date(permit.valid_until) if permit.valid_until else _("Selama tidak ada perubahan")
    rows = [
        (_("Nama pemegang izin"), permit.holder_name),
        (_("NIK"), permit.holder_nik_masked or "-"),
        (_("Jenis layanan"), permit.service_name),
        (_("Produk layanan"), permit.product or "-"),
        (_("Nomor permohonan"), application.tracking_number or "-"),
        (_("Instansi penerbit"), permit.agency_name),
        (_("Tanggal terbit"), _date(permit.issued_at)),
        (_("Berlaku mulai"), _date(permit.valid_from)),
        (_("Berlaku sampai"), valid_until),
    ]
    details = Table(
        [[_p(label, st["label"]), _p(":", st["label"]), _p(value, st["value"])] for label, value in rows],
        colWidths=[45 * mm, 4 * mm, width - 49 * mm],
    )
    details.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    story += [
        details,
        Spacer(1, 5 * mm),
        _p(
            _(
                "Izin ini diterbitkan berdasarkan data dan dokumen yang disampaikan pemohon. Izin dapat "
                "dicabut bila di kemudian hari data tersebut terbukti tidak benar atau pemegang izin "
                "tidak memenuhi ketentuan yang berlaku."
            ),
            st["base"],
        ),
        Spacer(1, 9 * mm),
    ]

    qr_size = 36 * mm
    qr = Image(io.BytesIO(qr_png(url)), width=qr_size, height=qr_size, hAlign="LEFT")
    left = [
        qr,
        Spacer(1, 1.5 * mm),
        _p(_("Pindai kode QR atau buka alamat di bawah untuk memeriksa keaslian izin ini."), st["small"]),
        Spacer(1, 1 * mm),
        _p(_("Kode verifikasi: %(code)s") % {"code": code}, st["code"]),
        _p(url, st["small"]),
    ]
    place_date = _date(permit.issued_at)
    if city:
        place_date = f"{city}, {place_date}"
    right = [
        _p(place_date, st["sign"]),
        Paragraph(f"<b>{escape(permit.signer_position)}</b>", st["sign"]),
        Spacer(1, 6 * mm),
        Paragraph(f"<i>{escape(_('Ditandatangani secara elektronik'))}</i>", st["small"]),
        Spacer(1, 6 * mm),
    ]
    if permit.signer_name:
        right.append(Paragraph(f"<b><u>{escape(permit.signer_name)}</u></b>", st["sign"]))
    left_width = 78 * mm
    signature = Table([[left, right]], colWidths=[left_width, width - left_width])
    signature.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 14 * mm),
            ]
        )
    )
    story.append(signature)

    footer_text = _(
        "Dokumen ini diterbitkan secara elektronik; keasliannya dapat diperiksa di %(url)s "
        "dengan kode verifikasi %(code)s atau dengan memindai kode QR."
    ) % {"url": check_url, "code": code}
    footer = _p(footer_text, st["footer"])

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.6)
        canvas.line(20 * mm, 22 * mm, A4[0] - 20 * mm, 22 * mm)
        _, height = footer.wrap(A4[0] - 40 * mm, 20 * mm)
        footer.drawOn(canvas, 20 * mm, 20 * mm - height)
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=28 * mm,
        title=f"{permit.title} {permit.number}",
        author=permit.agency_name,
        subject=permit.service_name,
        creator=mpp_name,
        keywords=[permit.number, permit.verification_code],
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
