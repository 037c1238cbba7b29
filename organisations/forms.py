from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation


class RegisterSearchForm(forms.Form):
    q = forms.CharField(label=_("Cari nama, bidang atau nomor SKT"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Semua status")), *Organisation.Status.choices], required=False
    )


class ActivityReportForm(forms.Form):
    summary = forms.CharField(
        label=_("Ringkasan kegiatan"),
        help_text=_("Kegiatan utama selama periode ini: apa, kapan, di mana, untuk siapa."),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 4000}),
        max_length=4000,
    )
    activity_count = forms.IntegerField(label=_("Jumlah kegiatan"), min_value=0, max_value=10000)
    member_count = forms.IntegerField(label=_("Jumlah anggota aktif"), min_value=1, max_value=10_000_000)
    funding_sources = forms.CharField(
        label=_("Sumber dana"),
        help_text=_("Misalnya iuran anggota, hibah pemerintah daerah, donatur."),
        max_length=255,
        required=False,
    )
    document = forms.FileField(
        label=_("Dokumen laporan (PDF)"),
        help_text=_("Laporan lengkap dengan foto kegiatan dan laporan keuangan, dalam satu berkas PDF."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan pencabutan"),
        help_text=_("Ditampilkan di basis data publik ormas."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
