"""Upload validation: the type comes from the content, not the name (permits.uploads)."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from permits.uploads import UploadRejected, check_upload
from services.models import Requirement
from tests.permits.factories import image_bytes, pdf_bytes

ANY = Requirement(name="Fotokopi KTP-el", accepted_kinds=["pdf", "jpeg", "png"])
PDF_ONLY = Requirement(name="Surat permohonan", accepted_kinds=["pdf"])


def upload(name: str, data: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_png_is_accepted_and_hashed():
    data = image_bytes("PNG")
    checked = check_upload(upload("ktp.png", data, "image/png"), requirement=ANY)
    assert checked.kind.content_type == "image/png"
    assert checked.size == len(data)
    assert checked.sha256 == hashlib.sha256(data).hexdigest()


def test_jpeg_and_pdf_are_accepted():
    assert check_upload(upload("ktp.jpg", image_bytes("JPEG")), requirement=ANY).kind.name == "jpeg"
    assert check_upload(upload("surat.pdf", pdf_bytes()), requirement=PDF_ONLY).kind.name == "pdf"


def test_the_name_does_not_decide_the_type():
    # A PNG named .pdf is a PNG: refused where only PDF is accepted.
    with pytest.raises(UploadRejected, match="hanya menerima berkas PDF; berkas Anda PNG"):
        check_upload(upload("surat.pdf", image_bytes("PNG")), requirement=PDF_ONLY)


def test_an_empty_accepted_list_accepts_every_supported_kind():
    anything = Requirement(name="Lainnya", accepted_kinds=[])
    assert check_upload(upload("foto.jpg", image_bytes("JPEG")), requirement=anything).kind.name == "jpeg"


def test_too_large_is_refused_with_the_limit(settings):
    settings.MPP_UPLOAD_MAX_BYTES = 1024 * 1024
    data = pdf_bytes() + b"0" * (1024 * 1024)
    with pytest.raises(UploadRejected, match=r"terlalu besar \(1 MB\). Ukuran maksimum 1 MB") as refused:
        check_upload(upload("besar.pdf", data), requirement=PDF_ONLY)
    assert refused.value.code == "file_too_large"


def test_the_default_limit_is_five_megabytes():
    data = pdf_bytes() + b"0" * (5 * 1024 * 1024)
    with pytest.raises(UploadRejected, match="Ukuran maksimum 5 MB"):
        check_upload(upload("besar.pdf", data), requirement=PDF_ONLY)


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 100,  # Windows .exe
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,  # Linux binary
        b"#!/bin/sh\nrm -rf /\n",  # shell script
        b"<?php system($_GET['c']); ?>",
        b"  <script>alert(1)</script>",
        b"<!DOCTYPE html><html><body>x</body></html>",
    ],
)
def test_renamed_programs_and_scripts_are_refused(data):
    with pytest.raises(UploadRejected, match="program atau skrip, bukan dokumen") as refused:
        check_upload(upload("ktp.pdf", data), requirement=ANY)
    assert refused.value.code == "file_executable"


def test_unknown_content_is_refused():
    with pytest.raises(UploadRejected, match=r"Jenis berkas tidak dikenali\. Unggah berkas PDF, JPEG, PNG\."):
        check_upload(upload("catatan.pdf", b"hanya teks biasa"), requirement=ANY)


def test_empty_file_is_refused():
    with pytest.raises(UploadRejected, match="Berkas kosong"):
        check_upload(upload("kosong.pdf", b""), requirement=ANY)


def test_corrupt_jpeg_is_refused():
    data = b"\xff\xd8\xff\xe0" + b"\x13\x37" * 200
    with pytest.raises(UploadRejected, match="Gambar JPEG rusak atau tidak lengkap"):
        check_upload(upload("ktp.jpg", data, "image/jpeg"), requirement=ANY)


def test_truncated_jpeg_is_refused():
    data = image_bytes("JPEG", size=(400, 300))
    with pytest.raises(UploadRejected, match="Gambar JPEG rusak"):
        check_upload(upload("ktp.jpg", data[: len(data) // 2], "image/jpeg"), requirement=ANY)


def test_truncated_png_is_refused():
    data = image_bytes("PNG", size=(400, 300))
    with pytest.raises(UploadRejected, match="Gambar PNG rusak"):
        check_upload(upload("ktp.png", data[: len(data) // 2], "image/png"), requirement=ANY)
