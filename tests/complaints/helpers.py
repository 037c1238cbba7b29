from datetime import datetime
from zoneinfo import ZoneInfo

from complaints import services

WIB = ZoneInfo("Asia/Jakarta")
# Monday 16 March 2026, 10:00 WIB: 18-24 March are closed (Nyepi, Idul Fitri and cuti bersama).
MONDAY = datetime(2026, 3, 16, 10, 0, tzinfo=WIB)
DESCRIPTION = "Petugas loket meminta uang Rp200.000 agar berkas saya diproses lebih cepat."


def wib(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def file_complaint(category, *, reporter=None, now=MONDAY, **kwargs):
    kwargs.setdefault("kind", "pengaduan")
    kwargs.setdefault("subject", "Diminta uang tambahan di loket")
    kwargs.setdefault("description", DESCRIPTION)
    if reporter is None and not kwargs.get("anonymous"):
        kwargs.setdefault("reporter_name", "Ahmad Fauzi")
        kwargs.setdefault("reporter_phone", "081298765432")
    return services.complaint_submit(category=category, reporter=reporter, now=now, **kwargs)


def routed(category, desk_officer, agency, *, now=MONDAY, **kwargs):
    complaint = file_complaint(category, now=now, **kwargs)
    return services.complaint_route(complaint=complaint, actor=desk_officer, agency=agency, now=now)


def answered(category, desk_officer, officer, *, now=MONDAY, **kwargs):
    complaint = routed(category, desk_officer, officer.agency, now=now, **kwargs)
    return services.complaint_answer(
        complaint=complaint,
        actor=officer,
        answer="Petugas yang bersangkutan telah diperiksa dan diberi sanksi; uang dikembalikan.",
        now=now,
    )


def last_history(complaint):
    return type(complaint).history.filter(id=complaint.pk).order_by("-history_id").first()
