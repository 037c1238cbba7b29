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
        description="tracking_number, service_name, status (display text)",
        subject_id="Status permohonan {{ tracking_number }}: {{ status }}",
        body_id="Status permohonan {{ service_name }} ({{ tracking_number }}) sekarang: {{ status }}.",
        subject_en="Application {{ tracking_number }} status: {{ status }}",
        body_en="The status of your {{ service_name }} application ({{ tracking_number }}) is now: {{ status }}.",
        sample_context={**_APP, "status": "Diverifikasi"},
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
