"""Small field blocks shared by the guide blocks."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from guides.audience import KEY_PATTERN

key_validator = RegexValidator(
    KEY_PATTERN,
    _("Use lower-case letters a-z, digits and hyphens, e.g. »under-30«."),
)


class KeyBlock(blocks.CharBlock):
    """A question or answer key: a lower-case slug, because it appears in URLs."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 50)
        kwargs.setdefault("validators", [key_validator])
        super().__init__(**kwargs)

    class Meta:
        icon = "tag"


class AnswerKeysField(forms.CharField):
    """Comma-separated answer keys in the form, a clean ``a, b`` string after cleaning."""

    def clean(self, value):
        value = super().clean(value)
        keys = [key.strip().lower() for key in (value or "").split(",") if key.strip()]
        for key in keys:
            key_validator(key)
        return ", ".join(dict.fromkeys(keys))


class AnswerKeysBlock(blocks.FieldBlock):
    """A list of answer keys, stored as a JSON list and edited as ``ja, nej``.

    The stored list is shown back exactly as stored, so a key that no longer exists is
    never silently dropped from the form: the guide's validation names it instead.
    """

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = AnswerKeysField(required=required, help_text=help_text)
        super().__init__(**kwargs)

    def value_for_form(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value or ""

    def value_from_form(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        return [key.strip().lower() for key in (value or "").split(",") if key.strip()]

    def to_python(self, value):
        if isinstance(value, str):
            return self.value_from_form(value)
        return list(value or [])

    def get_prep_value(self, value):
        return self.to_python(value)

    def get_form_state(self, value):
        return self.value_for_form(value)

    class Meta:
        icon = "list-ul"
        default = []
