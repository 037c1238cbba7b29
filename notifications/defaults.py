"""Built-in message templates (Indonesian and English) and the context each event receives.

``seed_message_templates`` copies these into :class:`~notifications.models.MessageTemplate` rows,
which admins may then edit; an event without a row falls back to the text here. Templates use
Django template syntax without HTML escaping (the messages are plain text). ``SAMPLE_CONTEXT``
documents the variables a caller passes to ``notifications.services.notify`` and feeds the admin
preview.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultTemplate:
    description: str
    subject_id: str
    body_id: str
    subject_en: str
    body_en: str
    sample_context: dict


_APP = {"tracking_number": "PBG-2026-000123", "service_name": "Persetujuan Bangunan Gedung"}

DEFAULT_TEMPLATES: dict[str, DefaultTemplate] = {
    "application.received": DefaultTemplate(
        description="tracking_number, service_name, secret, expected_date",
        subject_id="Permohonan {{ tracking_number }} diterima",
        body_id=(
            "Permohonan {{ service_name }} Anda telah kami terima dengan nomor {{ tracking_number }}.\n"
            "Kode rahasia untuk melacak: {{ secret }}.\n"
            "Perkiraan selesai: {{ expected_date }}."
        ),
        subject_en="Application {{ tracking_number }} received",
        body_en=(
            "We have received your {{ service_name }} application, number {{ tracking_number }}.\n"
            "Secret code for tracking: {{ secret }}.\n"
            "Expected completion: {{ expected_date }}."
        ),
        sample_context={**_APP, "secret": "K7Q2-9XMA", "expected_date": "14 Desember 2026"},
    ),
    "application.correction_requested": DefaultTemplate(
        description="tracking_number, service_name, items (list of strings), due_date",
        subject_id="Permohonan {{ tracking_number }} perlu diperbaiki",
        body_id=(
            "Petugas meminta perbaikan pada permohonan {{ service_name }} ({{ tracking_number }}):\n"
            "{% for item in items %}- {{ item }}\n{% endfor %}"
            "Mohon perbaiki paling lambat {{ due_date }}."
        ),
        subject_en="Application {{ tracking_number }} needs corrections",
        body_en=(
            "The officer asks for corrections to your {{ service_name }} application"
            " ({{ tracking_number }}):\n"
            "{% for item in items %}- {{ item }}\n{% endfor %}"
            "Please correct it by {{ due_date }}."
        ),
        sample_context={
            **_APP,
            "items": ["Foto KTP buram", "Gambar denah belum ada"],
            "due_date": "5 Desember 2026",
        },
    ),
    "application.status_changed": DefaultTemplate(
        description=(
            "tracking_number, service_name, status (display text); optional: due_date (when the clock"
            " started), reason (rejection), deemed_approved (fiktif positif)"
        ),
        subject_id="Status permohonan {{ tracking_number }}: {{ status }}",
        body_id=(
            "Status permohonan {{ service_name }} ({{ tracking_number }}) sekarang: {{ status }}."
            "{% if due_date %}\nBerkas Anda lengkap; batas waktu penyelesaian: {{ due_date }}.{% endif %}"
            "{% if reason %}\nAlasan: {{ reason }}\nAnda dapat menyampaikan pengaduan melalui kanal"
            " pengaduan MPP.{% endif %}"
            "{% if deemed_approved %}\nPermohonan ini dianggap disetujui (fiktif positif) karena tidak"
            " diputuskan sampai batas waktunya.{% endif %}"
        ),
        subject_en="Application {{ tracking_number }} status: {{ status }}",
        body_en=(
            "The status of your {{ service_name }} application ({{ tracking_number }}) is now: {{ status }}."
            "{% if due_date %}\nYour file is complete; deadline for completion: {{ due_date }}.{% endif %}"
            "{% if reason %}\nReason: {{ reason }}\nYou may file a complaint through the MPP's complaint"
            " channel.{% endif %}"
            "{% if deemed_approved %}\nThis application is deemed approved (fiktif positif) because it was"
            " not decided by its deadline.{% endif %}"
        ),
        sample_context={**_APP, "status": "Ditolak", "reason": "Gambar denah tidak ditandatangani."},
    ),
    "application.correction_reminder": DefaultTemplate(
        description="tracking_number, service_name, due_date, days_left (working days)",
        subject_id="Pengingat: perbaiki permohonan {{ tracking_number }} sebelum {{ due_date }}",
        body_id=(
            "Permohonan {{ service_name }} ({{ tracking_number }}) masih menunggu perbaikan dari Anda. "
            "Sisa waktu {{ days_left }} hari kerja, sampai {{ due_date }}. Bila tidak diperbaiki, "
            "permohonan dinyatakan kedaluwarsa."
        ),
        subject_en="Reminder: correct application {{ tracking_number }} before {{ due_date }}",
        body_en=(
            "Your {{ service_name }} application ({{ tracking_number }}) is still waiting for your "
            "corrections. {{ days_left }} working days are left, until {{ due_date }}. If it is not "
            "corrected, the application lapses."
        ),
        sample_context={**_APP, "due_date": "5 Desember 2026, 14:00", "days_left": 3},
    ),
    "application.lapsed": DefaultTemplate(
        description="tracking_number, service_name, due_date (the correction deadline that passed)",
        subject_id="Permohonan {{ tracking_number }} kedaluwarsa",
        body_id=(
            "Permohonan {{ service_name }} ({{ tracking_number }}) dinyatakan kedaluwarsa karena "
            "perbaikan tidak diajukan sampai {{ due_date }}. Anda dapat mengajukan permohonan baru."
        ),
        subject_en="Application {{ tracking_number }} lapsed",
        body_en=(
            "Your {{ service_name }} application ({{ tracking_number }}) has lapsed because the "
            "corrections were not submitted by {{ due_date }}. You may submit a new application."
        ),
        sample_context={**_APP, "due_date": "5 Desember 2026, 14:00"},
    ),
    "application.assessment_issued": DefaultTemplate(
        description="tracking_number, service_name, amount (formatted), due_date",
        subject_id="Tagihan retribusi permohonan {{ tracking_number }}",
        body_id=(
            "Surat ketetapan retribusi untuk permohonan {{ service_name }} ({{ tracking_number }}) "
            "telah terbit: {{ amount }}. Bayar paling lambat {{ due_date }}."
        ),
        subject_en="Levy assessment for application {{ tracking_number }}",
        body_en=(
            "The levy assessment for your {{ service_name }} application ({{ tracking_number }}) "
            "has been issued: {{ amount }}. Please pay by {{ due_date }}."
        ),
        sample_context={**_APP, "amount": "Rp 1.250.000", "due_date": "20 Desember 2026"},
    ),
    "application.permit_issued": DefaultTemplate(
        description="tracking_number, service_name, permit_number",
        subject_id="Izin {{ permit_number }} telah terbit",
        body_id=(
            "Izin {{ service_name }} Anda ({{ tracking_number }}) telah terbit dengan nomor "
            "{{ permit_number }}. Dokumen dapat diunduh atau diambil di MPP."
        ),
        subject_en="Permit {{ permit_number }} issued",
        body_en=(
            "Your {{ service_name }} permit ({{ tracking_number }}) has been issued with number "
            "{{ permit_number }}. Download it or collect it at the MPP."
        ),
        sample_context={**_APP, "permit_number": "503/PBG/0007/425.110/2026"},
    ),
    "staff.application_assigned": DefaultTemplate(
        description="tracking_number, service_name, due_date",
        subject_id="Permohonan {{ tracking_number }} ditugaskan kepada Anda",
        body_id="Permohonan {{ service_name }} ({{ tracking_number }}) ditugaskan kepada Anda. Batas waktu: {{ due_date }}.",
        subject_en="Application {{ tracking_number }} assigned to you",
        body_en="The {{ service_name }} application ({{ tracking_number }}) is assigned to you. Deadline: {{ due_date }}.",
        sample_context={**_APP, "due_date": "14 Desember 2026 14.00"},
    ),
    "staff.deadline_soon": DefaultTemplate(
        description="tracking_number, service_name, due_date",
        subject_id="Batas waktu {{ tracking_number }} segera tiba",
        body_id="Permohonan {{ service_name }} ({{ tracking_number }}) harus selesai paling lambat {{ due_date }}.",
        subject_en="Deadline for {{ tracking_number }} is near",
        body_en="The {{ service_name }} application ({{ tracking_number }}) must be completed by {{ due_date }}.",
        sample_context={**_APP, "due_date": "14 Desember 2026 14.00"},
    ),
    "staff.step_due_soon": DefaultTemplate(
        description="tracking_number, service_name, step_name, due_date",
        subject_id="Langkah '{{ step_name }}' {{ tracking_number }} segera jatuh tempo",
        body_id=(
            "Langkah SOP '{{ step_name }}' permohonan {{ service_name }} ({{ tracking_number }}) "
            "harus selesai paling lambat {{ due_date }}."
        ),
        subject_en="Step '{{ step_name }}' of {{ tracking_number }} is due soon",
        body_en=(
            "The SOP step '{{ step_name }}' of the {{ service_name }} application ({{ tracking_number }}) "
            "must be completed by {{ due_date }}."
        ),
        sample_context={**_APP, "step_name": "Peninjauan lapangan", "due_date": "14 Desember 2026 14.00"},
    ),
    "staff.deadline_breached": DefaultTemplate(
        description="tracking_number, service_name, due_date",
        subject_id="Batas waktu {{ tracking_number }} terlewati",
        body_id="Permohonan {{ service_name }} ({{ tracking_number }}) melewati batas waktu {{ due_date }}.",
        subject_en="Deadline for {{ tracking_number }} missed",
        body_en="The {{ service_name }} application ({{ tracking_number }}) missed its deadline of {{ due_date }}.",
        sample_context={**_APP, "due_date": "14 Desember 2026 14.00"},
    ),
    "supervisor.escalation": DefaultTemplate(
        description="tracking_number, service_name, due_date, days_overdue, officer_name",
        subject_id="Eskalasi: {{ tracking_number }} terlambat {{ days_overdue }} hari kerja",
        body_id=(
            "Permohonan {{ service_name }} ({{ tracking_number }}) yang ditangani {{ officer_name }} "
            "terlambat {{ days_overdue }} hari kerja sejak {{ due_date }}. Mohon ditindaklanjuti."
        ),
        subject_en="Escalation: {{ tracking_number }} {{ days_overdue }} working days late",
        body_en=(
            "The {{ service_name }} application ({{ tracking_number }}) handled by {{ officer_name }} "
            "is {{ days_overdue }} working days past its deadline of {{ due_date }}. Please follow up."
        ),
        sample_context={**_APP, "due_date": "14 Desember 2026", "days_overdue": 2, "officer_name": "Budi"},
    ),
    "supervisor.deemed_approved": DefaultTemplate(
        description="tracking_number, service_name, due_date",
        subject_id="Fiktif positif: {{ tracking_number }} dianggap dikabulkan",
        body_id=(
            "Permohonan {{ service_name }} ({{ tracking_number }}) tidak diputus sampai {{ due_date }} "
            "dan kini dianggap dikabulkan (fiktif positif)."
        ),
        subject_en="Deemed approved: {{ tracking_number }}",
        body_en=(
            "The {{ service_name }} application ({{ tracking_number }}) was not decided by {{ due_date }} "
            "and is now deemed approved."
        ),
        sample_context={**_APP, "due_date": "14 Desember 2026"},
    ),
    "supervisor.daily_digest": DefaultTemplate(
        description=(
            "agency_name, date, overdue / due_today / due_this_week (lists of {tracking_number,"
            " service_name, due_date, officer_name, link}), overdue_count, due_today_count,"
            " due_this_week_count, worklist_link"
        ),
        subject_id=(
            "Ringkasan {{ date }}: {{ overdue_count }} terlambat, {{ due_today_count }} jatuh tempo hari ini"
        ),
        body_id=(
            "Ringkasan permohonan {{ agency_name }}, {{ date }}.\n\n"
            "Terlambat ({{ overdue_count }}):\n"
            "{% for a in overdue %}- {{ a.tracking_number }} {{ a.service_name }}, batas {{ a.due_date }},"
            " {{ a.officer_name }}: {{ a.link }}\n{% empty %}- tidak ada\n{% endfor %}\n"
            "Jatuh tempo hari ini ({{ due_today_count }}):\n"
            "{% for a in due_today %}- {{ a.tracking_number }} {{ a.service_name }}, batas {{ a.due_date }},"
            " {{ a.officer_name }}: {{ a.link }}\n{% empty %}- tidak ada\n{% endfor %}\n"
            "Jatuh tempo minggu ini ({{ due_this_week_count }}):\n"
            "{% for a in due_this_week %}- {{ a.tracking_number }} {{ a.service_name }}, batas {{ a.due_date }},"
            " {{ a.officer_name }}: {{ a.link }}\n{% empty %}- tidak ada\n{% endfor %}\n"
            "Daftar kerja: {{ worklist_link }}"
        ),
        subject_en=("Summary {{ date }}: {{ overdue_count }} overdue, {{ due_today_count }} due today"),
        body_en=(
            "Applications of {{ agency_name }}, {{ date }}.\n\n"
            "Overdue ({{ overdue_count }}):\n"
            "{% for a in overdue %}- {{ a.tracking_number }} {{ a.service_name }}, due {{ a.due_date }},"
            " {{ a.officer_name }}: {{ a.link }}\n{% empty %}- none\n{% endfor %}\n"
            "Due today ({{ due_today_count }}):\n"
            "{% for a in due_today %}- {{ a.tracking_number }} {{ a.service_name }}, due {{ a.due_date }},"
            " {{ a.officer_name }}: {{ a.link }}\n{% empty %}- none\n{% endfor %}\n"
            "Due this week ({{ due_this_week_count }}):\n"
            "{% for a in due_this_week %}- {{ a.tracking_number }} {{ a.service_name }}, due {{ a.due_date }},"
            " {{ a.officer_name }}: {{ a.link }}\n{% empty %}- none\n{% endfor %}\n"
            "Worklist: {{ worklist_link }}"
        ),
        sample_context={
            "agency_name": "DPMPTSP Kota Probolinggo",
            "date": "Senin, 14 Desember 2026",
            "overdue": [
                {
                    "tracking_number": "PBG-2026-000123",
                    "service_name": "Persetujuan Bangunan Gedung",
                    "due_date": "11 Desember 2026 11.00",
                    "officer_name": "Budi Santoso",
                    "link": "https://mpp.probolinggokota.go.id/petugas/permohonan/123/",
                }
            ],
            "due_today": [],
            "due_this_week": [],
            "overdue_count": 1,
            "due_today_count": 0,
            "due_this_week_count": 0,
            "worklist_link": "https://mpp.probolinggokota.go.id/petugas/permohonan/",
        },
    ),
}

_ADU = {"number": "ADU-2026-000042", "subject": "Diminta uang tambahan di loket", "category": "Pungutan liar"}


def _complaint(description, subject_id, body_id, subject_en, body_en, **sample):
    return DefaultTemplate(
        description=description,
        subject_id=subject_id,
        body_id=body_id,
        subject_en=subject_en,
        body_en=body_en,
        sample_context={**_ADU, "due_date": "14 Desember 2026 14.00", **sample},
    )


# Complaints (complaints/services.py). Staff messages never carry the reporter's identity.
DEFAULT_TEMPLATES.update(
    {
        "complaint.received": _complaint(
            "number, subject, secret, due_date",
            "Laporan {{ number }} diterima",
            'Laporan Anda "{{ subject }}" kami terima dengan nomor {{ number }}.\n'
            "Kode rahasia untuk melacak: {{ secret }}.\n"
            "Petugas pengaduan memverifikasinya paling lambat {{ due_date }}.",
            "Report {{ number }} received",
            'We have received your report "{{ subject }}", number {{ number }}.\n'
            "Secret code for tracking: {{ secret }}.\n"
            "The complaint officer will verify it by {{ due_date }}.",
            secret="K7Q29XMA",
        ),
        "complaint.new": _complaint(
            "number, subject, category, due_date",
            "Laporan baru {{ number }}",
            "Laporan baru {{ number }} ({{ category }}): {{ subject }}. Verifikasi dan teruskan paling lambat {{ due_date }}.",
            "New report {{ number }}",
            "New report {{ number }} ({{ category }}): {{ subject }}. Verify and route it by {{ due_date }}.",
        ),
        "complaint.routed": _complaint(
            "number, subject, category, due_date",
            "Laporan {{ number }} diteruskan ke instansi Anda",
            "Laporan {{ number }} ({{ category }}): {{ subject }}. Mohon dijawab paling lambat {{ due_date }}.",
            "Report {{ number }} routed to your agency",
            "Report {{ number }} ({{ category }}): {{ subject }}. Please answer by {{ due_date }}.",
        ),
        "complaint.reply": _complaint(
            "number, subject, category, due_date",
            "Pelapor menanggapi jawaban {{ number }}",
            "Pelapor belum puas dengan jawaban atas laporan {{ number }} ({{ subject }}). Mohon ditindaklanjuti paling lambat {{ due_date }}.",
            "The reporter replied to {{ number }}",
            "The reporter is not satisfied with the answer to report {{ number }} ({{ subject }}). Please follow up by {{ due_date }}.",
        ),
        "complaint.status_changed": _complaint(
            "number, subject, status, note, due_date",
            "Laporan {{ number }}: {{ status }}",
            "Status laporan Anda {{ number }} ({{ subject }}) kini: {{ status }}.{% if note %}\n{{ note }}{% endif %}",
            "Report {{ number }}: {{ status }}",
            "Your report {{ number }} ({{ subject }}) is now: {{ status }}.{% if note %}\n{{ note }}{% endif %}",
            status="Ditangani instansi",
            note="Dinas Penanaman Modal dan PTSP",
        ),
        "complaint.answered": _complaint(
            "number, subject, status, due_date",
            "Laporan {{ number }} telah dijawab",
            "Instansi telah menjawab laporan Anda {{ number }} ({{ subject }}). Baca jawabannya, lalu terima, "
            "tanggapi atau beri nilai. Tanpa tanggapan sampai {{ due_date }}, laporan ditutup.",
            "Report {{ number }} has been answered",
            "The agency has answered your report {{ number }} ({{ subject }}). Read the answer, then accept it, "
            "reply or rate it. Without a reaction by {{ due_date }}, the report is closed.",
            status="Dijawab",
        ),
        "complaint.closed": _complaint(
            "number, subject, status",
            "Laporan {{ number }} ditutup",
            "Laporan {{ number }} ({{ subject }}) ditutup karena tidak ada tanggapan atas jawaban instansi.",
            "Report {{ number }} closed",
            "Report {{ number }} ({{ subject }}) was closed because there was no reaction to the agency's answer.",
            status="Selesai",
        ),
        "complaint.deadline_soon": _complaint(
            "number, subject, category, stage (route/answer), due_date",
            "Batas waktu laporan {{ number }} segera tiba",
            "Laporan {{ number }} ({{ subject }}) harus {% if stage == 'route' %}diverifikasi dan diteruskan{% else %}dijawab{% endif %} paling lambat {{ due_date }}.",
            "Deadline for report {{ number }} is near",
            "Report {{ number }} ({{ subject }}) must be {% if stage == 'route' %}verified and routed{% else %}answered{% endif %} by {{ due_date }}.",
            stage="answer",
        ),
        "complaint.deadline_breached": _complaint(
            "number, subject, category, stage (route/answer), due_date",
            "Batas waktu laporan {{ number }} terlewati",
            "Laporan {{ number }} ({{ subject }}) belum {% if stage == 'route' %}diteruskan{% else %}dijawab{% endif %} dan melewati batas waktu {{ due_date }}.",
            "Deadline for report {{ number }} missed",
            "Report {{ number }} ({{ subject }}) was not {% if stage == 'route' %}routed{% else %}answered{% endif %} by its deadline of {{ due_date }}.",
            stage="answer",
        ),
        "question.asked": DefaultTemplate(
            description="service_name, question",
            subject_id="Pertanyaan baru tentang {{ service_name }}",
            body_id="Warga bertanya tentang {{ service_name }}: {{ question }}",
            subject_en="New question about {{ service_name }}",
            body_en="A citizen asks about {{ service_name }}: {{ question }}",
            sample_context={"service_name": "Izin Reklame", "question": "Apakah perlu foto lokasi?"},
        ),
        "question.answered": DefaultTemplate(
            description="service_name, question, answer",
            subject_id="Pertanyaan Anda tentang {{ service_name }} dijawab",
            body_id="Pertanyaan: {{ question }}\nJawaban: {{ answer }}",
            subject_en="Your question about {{ service_name }} was answered",
            body_en="Question: {{ question }}\nAnswer: {{ answer }}",
            sample_context={
                "service_name": "Izin Reklame",
                "question": "Apakah perlu foto lokasi?",
                "answer": "Ya, foto lokasi pemasangan wajib dilampirkan.",
            },
        ),
        "survey.invitation": DefaultTemplate(
            description="service_name, subject_label, link",
            subject_id="Bagaimana pelayanan {{ service_name }}?",
            body_id=(
                "Terima kasih telah menggunakan layanan {{ service_name }}{% if subject_label %} ({{ subject_label }}){% endif %}. "
                "Mohon isi Survei Kepuasan Masyarakat (9 pertanyaan, 1 menit): {{ link }}"
            ),
            subject_en="How was the {{ service_name }} service?",
            body_en=(
                "Thank you for using {{ service_name }}{% if subject_label %} ({{ subject_label }}){% endif %}. "
                "Please fill in the satisfaction survey (9 questions, 1 minute): {{ link }}"
            ),
            sample_context={
                "service_name": "Izin Reklame",
                "subject_label": "REK-2026-000012",
                "link": "/survei/abc/",
            },
        ),
    }
)

_BOOKING = {
    "code": "K7QM4XTA",
    "service_name": "Perekaman KTP-el",
    "queue_name": "Dispendukcapil",
    "date": "Selasa, 24 November 2026",
    "time": "09:00",
}
_BOOKING_DESCRIPTION = "code, service_name, queue_name, date, time"

DEFAULT_TEMPLATES.update(
    {
        "queue.booking_confirmed": DefaultTemplate(
            description=_BOOKING_DESCRIPTION,
            subject_id="Antrian daring {{ code }} terpesan",
            body_id=(
                "Antrian {{ service_name }} Anda terpesan untuk {{ date }} pukul {{ time }}.\n"
                "Kode pemesanan: {{ code }}. Pindai QR atau ketik kode ini di kios MPP antara 30 menit "
                "sebelum dan 15 menit sesudah jam sesi."
            ),
            subject_en="Online queue booking {{ code }} confirmed",
            body_en=(
                "Your {{ service_name }} queue booking is for {{ date }} at {{ time }}.\n"
                "Booking code: {{ code }}. Scan the QR code or type this code at the MPP kiosk between "
                "30 minutes before and 15 minutes after the session time."
            ),
            sample_context=_BOOKING,
        ),
        "queue.booking_reminder_day": DefaultTemplate(
            description=_BOOKING_DESCRIPTION,
            subject_id="Pengingat: antrian {{ code }} besok",
            body_id="Besok, {{ date }} pukul {{ time }}, jadwal antrian {{ service_name }} Anda (kode {{ code }}).",
            subject_en="Reminder: queue booking {{ code }} tomorrow",
            body_en="Tomorrow, {{ date }} at {{ time }}: your {{ service_name }} queue booking (code {{ code }}).",
            sample_context=_BOOKING,
        ),
        "queue.booking_reminder_hour": DefaultTemplate(
            description=_BOOKING_DESCRIPTION,
            subject_id="Pengingat: antrian {{ code }} satu jam lagi",
            body_id=(
                "Jadwal antrian {{ service_name }} Anda pukul {{ time }}. Check-in di kios MPP dengan kode {{ code }}."
            ),
            subject_en="Reminder: queue booking {{ code }} in one hour",
            body_en="Your {{ service_name }} queue booking is at {{ time }}. Check in at the MPP kiosk with code {{ code }}.",
            sample_context=_BOOKING,
        ),
        "queue.turn_near": DefaultTemplate(
            description="code, queue_name, ahead",
            subject_id="Giliran {{ code }} sudah dekat",
            body_id="Nomor antrian {{ code }} ({{ queue_name }}): tinggal {{ ahead }} orang lagi. Mohon bersiap di dekat loket.",
            subject_en="Ticket {{ code }}: your turn is near",
            body_en="Ticket {{ code }} ({{ queue_name }}): {{ ahead }} people ahead of you. Please stay near the counters.",
            sample_context={"code": "B012", "queue_name": "Dispendukcapil", "ahead": 2},
        ),
        "queue.booking_moved": DefaultTemplate(
            description=_BOOKING_DESCRIPTION,
            subject_id="Antrian {{ code }} dipindah ke {{ date }}",
            body_id=(
                "MPP tutup pada tanggal pemesanan Anda. Antrian {{ service_name }} (kode {{ code }}) "
                "dipindah ke {{ date }} pukul {{ time }}. Batalkan lewat portal bila tidak sesuai."
            ),
            subject_en="Queue booking {{ code }} moved to {{ date }}",
            body_en=(
                "The MPP is closed on the day you booked. Your {{ service_name }} booking (code {{ code }}) "
                "has been moved to {{ date }} at {{ time }}. Cancel it on the portal if that does not suit you."
            ),
            sample_context=_BOOKING,
        ),
        "queue.booking_cancelled_closure": DefaultTemplate(
            description=_BOOKING_DESCRIPTION,
            subject_id="Antrian {{ code }} dibatalkan karena MPP tutup",
            body_id=(
                "MPP tutup pada {{ date }} dan tidak ada sesi kosong pada hari kerja berikutnya. Pemesanan "
                "{{ service_name }} (kode {{ code }}) dibatalkan. Silakan pesan ulang di portal."
            ),
            subject_en="Queue booking {{ code }} cancelled: the MPP is closed",
            body_en=(
                "The MPP is closed on {{ date }} and the next working day has no free session. Your "
                "{{ service_name }} booking (code {{ code }}) is cancelled. Please book again on the portal."
            ),
            sample_context=_BOOKING,
        ),
    }
)

DEFAULT_TEMPLATES.update(
    {
        # Mass-organisation register (organisations app): periodic activity reports.
        "ormas.report_due": DefaultTemplate(
            description="organisation_name, period, due_date",
            subject_id="Laporan kegiatan {{ organisation_name }} jatuh tempo {{ due_date }}",
            body_id=(
                "Laporan kegiatan {{ organisation_name }} untuk periode {{ period }} wajib disampaikan "
                "kepada Bakesbangpol paling lambat {{ due_date }}. Sampaikan melalui portal MPP."
            ),
            subject_en="Activity report of {{ organisation_name }} due {{ due_date }}",
            body_en=(
                "The activity report of {{ organisation_name }} for {{ period }} must reach Bakesbangpol "
                "by {{ due_date }}. Submit it through the MPP portal."
            ),
            sample_context={
                "organisation_name": "Paguyuban Seni Jaran Bodhag Kota Probolinggo",
                "period": "Januari–Juni 2026",
                "due_date": "31 Juli 2026",
            },
        ),
        "ormas.report_late": DefaultTemplate(
            description="organisation_name, period, due_date",
            subject_id="Laporan kegiatan {{ organisation_name }} terlambat",
            body_id=(
                "Laporan kegiatan {{ organisation_name }} untuk periode {{ period }} belum kami terima, "
                "padahal batasnya {{ due_date }}. Segera sampaikan melalui portal MPP."
            ),
            subject_en="Activity report of {{ organisation_name }} is late",
            body_en=(
                "We have not received the activity report of {{ organisation_name }} for {{ period }}, "
                "due {{ due_date }}. Please submit it through the MPP portal now."
            ),
            sample_context={
                "organisation_name": "Paguyuban Seni Jaran Bodhag Kota Probolinggo",
                "period": "Januari–Juni 2026",
                "due_date": "31 Juli 2026",
            },
        ),
    }
)
