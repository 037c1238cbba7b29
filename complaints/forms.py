from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from services.models import Service

from .models import Complaint, ComplaintCategory


class ComplaintForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Jenis laporan"), choices=Complaint.Kind.choices, initial=Complaint.Kind.COMPLAINT
    )
    category = forms.ModelChoiceField(
        label=_("Kategori"), queryset=ComplaintCategory.objects.none(), empty_label=None
    )
    subject = forms.CharField(label=_("Judul laporan"), max_length=200)
    description = forms.CharField(
        label=_("Uraian"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Apa yang terjadi, kapan, di mana, dan siapa yang terlibat (tanpa menuduh tanpa bukti)."),
    )
    address = forms.CharField(label=_("Lokasi kejadian (opsional)"), max_length=255, required=False)
    service = forms.ModelChoiceField(
        label=_("Layanan terkait (opsional)"), queryset=Service.objects.none(), required=False
    )
    application = forms.TypedChoiceField(
        label=_("Permohonan saya yang terkait (opsional)"), required=False, coerce=int, empty_value=None
    )
    attachments = forms.FileField(
        label=_("Lampiran (opsional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        help_text=_("PDF, JPEG atau PNG, paling besar 5 MB."),
    )
    reporter_name = forms.CharField(label=_("Nama Anda"), max_length=150, required=False)
    reporter_email = forms.EmailField(label=_("Email"), required=False)
    reporter_phone = forms.CharField(label=_("Nomor telepon/WhatsApp"), max_length=20, required=False)
    anonymous = forms.BooleanField(
        label=_("Anonim: jangan simpan identitas saya"),
        required=False,
        help_text=_("Anda melacak laporan hanya dengan nomor dan kode rahasia."),
    )
    confidential = forms.BooleanField(
        label=_("Rahasia: identitas saya hanya boleh dilihat petugas pengaduan MPP"), required=False
    )
    allow_publication = forms.BooleanField(
        label=_("Boleh ditampilkan di daftar laporan publik setelah dijawab (tanpa data pribadi)"),
        required=False,
    )

    def __init__(self, *args, user=None, applications=(), staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = ComplaintCategory.objects.filter(is_active=True)
        self.fields["service"].queryset = (
            Service.objects.filter(is_active=True).select_related("agency").order_by("name")
        )
        if applications:
            self.fields["application"].choices = [("", "—")] + [
                (a.pk, f"{a.tracking_number} · {a.service.name}") for a in applications
            ]
        else:
            del self.fields["application"]
        if user is not None and user.is_authenticated and not staff:
            for name in ("reporter_name", "reporter_email", "reporter_phone"):
                del self.fields[name]
        if staff:
            self.fields["channel"] = forms.ChoiceField(
                label=_("Diterima melalui"),
                choices=[
                    c
                    for c in Complaint.Channel.choices
                    if c[0] not in (Complaint.Channel.WEB, Complaint.Channel.OPEN311)
                ],
            )


class PungliForm(forms.Form):
    description = forms.CharField(
        label=_("Apa yang terjadi?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Siapa meminta, berapa, kapan. Identitas Anda dirahasiakan dari instansi."),
    )
    attachments = forms.FileField(
        label=_("Bukti (opsional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class TrackForm(forms.Form):
    nomor = forms.CharField(label=_("Nomor laporan"), max_length=20)
    kode = forms.CharField(label=_("Kode rahasia"), max_length=12)


class RouteForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Instansi yang menjawab"), queryset=Agency.objects.filter(is_active=True)
    )
    note = forms.CharField(
        label=_("Catatan untuk instansi (opsional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Jawaban dan tindak lanjut"), widget=forms.Textarea(attrs={"rows": 6}))


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Tanggapan Anda"), widget=forms.Textarea(attrs={"rows": 4}))


RATING_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


class RateForm(forms.Form):
    rating = forms.ChoiceField(
        label=_("Nilai jawaban (1 buruk - 5 sangat baik)"), choices=RATING_CHOICES, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Komentar (opsional)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class QuestionForm(forms.Form):
    question = forms.CharField(label=_("Pertanyaan Anda"), widget=forms.Textarea(attrs={"rows": 4}))


class QuestionAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Jawaban"), widget=forms.Textarea(attrs={"rows": 4}))
    publish = forms.BooleanField(label=_("Tampilkan sebagai FAQ di halaman layanan"), required=False)
