from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ChannelPreference


class ChannelPreferenceForm(forms.ModelForm):
    class Meta:
        model = ChannelPreference
        fields = ["email", "whatsapp", "sms"]
        labels = {
            "email": _("Email"),
            "whatsapp": _("WhatsApp"),
            "sms": _("SMS"),
        }
