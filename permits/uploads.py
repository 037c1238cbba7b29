"""Checking an uploaded requirement document before it is stored.

The type is decided from the content (magic bytes), never from the file name or the browser's
Content-Type: a program renamed ``ktp.pdf`` is refused with a clear message. Images must also open
and decode with Pillow, so a truncated or corrupt photo is caught at upload and not by the officer.
"""

import hashlib
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from mpp.errors import DomainError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
ALL_KINDS = ("pdf", "jpeg", "png")


@dataclass(frozen=True)
class FileKind:
    name: str
    label: str
    content_type: str
    extension: str


KINDS = {
    "pdf": FileKind("pdf", "PDF", "application/pdf", "pdf"),
    "jpeg": FileKind("jpeg", "JPEG", "image/jpeg", "jpg"),
    "png": FileKind("png", "PNG", "image/png", "png"),
}

_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
)

# Programs and scripts: Windows PE (MZ), ELF, Mach-O, Java class / fat Mach-O, shebang scripts,
# and markup/scripts that a browser or server would run.
_EXECUTABLE_SIGNATURES = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
)
_SCRIPT_MARKERS = (b"<?php", b"<script", b"<html", b"<!doctype html", b"<svg", b"<?xml")


class UploadRejected(DomainError):
    """The file cannot be accepted for this requirement; the message says why."""


@dataclass(frozen=True)
class CheckedUpload:
    kind: FileKind
    size: int
    sha256: str


def max_upload_bytes() -> int:
    return getattr(settings, "MPP_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def accepted_kinds(requirement) -> tuple[str, ...]:
    """The kinds a requirement accepts; an empty list means every kind we support."""
    kinds = tuple(k for k in (requirement.accepted_kinds or ()) if k in KINDS)
    return kinds or ALL_KINDS


def kinds_label(kinds) -> str:
    return ", ".join(KINDS[k].label for k in kinds)


def detect_kind(head: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def looks_executable(head: bytes) -> bool:
    if head.startswith(_EXECUTABLE_SIGNATURES):
        return True
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(_SCRIPT_MARKERS)


def _format_mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0") + " MB"


def _read_all(file: UploadedFile) -> bytes:
    file.seek(0)
    chunks = [chunk for chunk in file.chunks()]
    file.seek(0)
    return b"".join(chunks)


def _verify_image(data: bytes, kind: FileKind) -> None:
    """Open and fully decode the image: a truncated or corrupt JPEG/PNG raises."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as image:
                if image.format != kind.label:
                    raise UploadRejected(
                        _("Isi berkas tidak sesuai dengan jenis %(kind)s.") % {"kind": kind.label}
                    )
                image.verify()
            # verify() checks the structure only; load() decodes every pixel.
            with Image.open(BytesIO(data)) as image:
                image.load()
    except UploadRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UploadRejected(_("Gambar terlalu besar resolusinya. Perkecil foto lalu unggah lagi.")) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UploadRejected(
            _("Gambar %(kind)s rusak atau tidak lengkap dan tidak dapat dibuka. Unggah ulang berkasnya.")
            % {"kind": kind.label}
        ) from exc


def check_upload(file: UploadedFile, *, requirement, max_bytes: int | None = None) -> CheckedUpload:
    """Validate ``file`` for ``requirement``; raise :class:`UploadRejected` with the reason."""
    limit = max_bytes if max_bytes is not None else max_upload_bytes()
    size = file.size if file.size is not None else 0
    if size > limit:
        raise UploadRejected(
            _("Berkas terlalu besar (%(size)s). Ukuran maksimum %(max)s.")
            % {"size": _format_mb(size), "max": _format_mb(limit)},
            code="file_too_large",
        )
    data = _read_all(file)
    size = len(data)
    if size > limit:
        raise UploadRejected(
            _("Berkas terlalu besar (%(size)s). Ukuran maksimum %(max)s.")
            % {"size": _format_mb(size), "max": _format_mb(limit)},
            code="file_too_large",
        )
    if size == 0:
        raise UploadRejected(_("Berkas kosong. Pilih berkas lain."), code="file_empty")
    head = data[:64]
    kinds = accepted_kinds(requirement)
    if looks_executable(head):
        raise UploadRejected(
            _(
                "Berkas ini adalah program atau skrip, bukan dokumen, meskipun namanya seperti dokumen. "
                "Unggah berkas %(kinds)s."
            )
            % {"kinds": kinds_label(kinds)},
            code="file_executable",
        )
    kind_name = detect_kind(head)
    if kind_name is None:
        raise UploadRejected(
            _("Jenis berkas tidak dikenali. Unggah berkas %(kinds)s.") % {"kinds": kinds_label(kinds)},
            code="file_type_unknown",
        )
    kind = KINDS[kind_name]
    if kind_name not in kinds:
        raise UploadRejected(
            _("Persyaratan ini hanya menerima berkas %(kinds)s; berkas Anda %(kind)s.")
            % {"kinds": kinds_label(kinds), "kind": kind.label},
            code="file_type_not_accepted",
        )
    if kind_name in ("jpeg", "png"):
        _verify_image(data, kind)
    return CheckedUpload(kind=kind, size=size, sha256=hashlib.sha256(data).hexdigest())


def clean_original_name(name: str | None) -> str:
    """The uploader's file name for display only: no directories, no control characters."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return (name or "berkas")[:255]
