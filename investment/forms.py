from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Scale, Zone


class FinderForm(forms.Form):
    q = forms.CharField(
        label=_("Kegiatan usaha atau kode KBLI"),
        help_text=_("Misalnya: warung makan, bengkel, 56102."),
        max_length=100,
        required=False,
    )
    kbli = forms.RegexField(
        label=_("Kegiatan usaha"), regex=r"^\d{5}$", required=False, widget=forms.HiddenInput
    )
    scale = forms.ChoiceField(
        label=_("Skala usaha"),
        choices=Scale.choices,
        initial=Scale.MICRO,
        required=False,
        widget=forms.Select(attrs={"class": "finder-choice"}),
    )
    zone = forms.ChoiceField(
        label=_("Zona lokasi usaha"),
        choices=Zone.choices,
        initial=Zone.TRADE,
        required=False,
        widget=forms.Select(attrs={"class": "finder-choice"}),
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["scale"] = cleaned.get("scale") or Scale.MICRO
        cleaned["zone"] = cleaned.get("zone") or Zone.TRADE
        return cleaned


class NibLookupForm(forms.Form):
    nib = forms.CharField(label=_("NIB"), max_length=20)
