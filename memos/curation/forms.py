"""Admin forms: aliases as lines, mentions that record the editor's verdict, page uploads."""

from django import forms
from django.core.exceptions import ValidationError

from ..ingest.load import IMPORTED_FIELDS
from ..ingest.sanitize import clean_html
from ..models import Memo, MemoText, Mention, NamedEntity, Vendor, normalize_name

# What an editor can lock against imports: the imported fields, plus the two relations.
KEPT_FIELD_CHOICES = [(name, name.replace("_", " ")) for name in [*IMPORTED_FIELDS, "authors", "topics"]]


class AliasesField(forms.CharField):
    """A JSON list of names, edited as one name a line."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 60})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        seen = []
        for line in (value or "").splitlines():
            line = " ".join(line.split())
            if line and line not in seen:
                seen.append(line)
        return seen

    def has_changed(self, initial, data):
        return list(initial or []) != self.to_python(data)


class MultilineTextField(forms.CharField):
    """Text from a textarea. Browsers send its lines ending in CRLF and the field strips the
    ends, so neither counts as a change: an untouched body must not look hand-edited."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value

    def has_changed(self, initial, data):
        return (initial or "").replace("\r\n", "\n").strip() != self.to_python(data)


class NamedEntityForm(forms.ModelForm):
    """Authors and topics: aliases are normalized names; a name may not collide with another row's."""

    aliases = AliasesField(
        required=False,
        help_text="Other spellings, one a line. Imports that meet them use this row.",
    )

    def clean_aliases(self):
        key = normalize_name(self.cleaned_data.get("name") or self.instance.name or "")
        return [alias for alias in map(normalize_name, self.cleaned_data["aliases"]) if alias != key]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        model: type[NamedEntity] = self._meta.model
        clash = model.objects.filter(key=normalize_name(name)).exclude(pk=self.instance.pk).first()
        if clash:
            raise ValidationError(
                f"“{clash.name}” already has this name; merge the two from the list instead."
            )
        return name


class VendorForm(forms.ModelForm):
    """Vendors: aliases are exact spellings, since the mention finder matches them case-sensitively."""

    aliases = AliasesField(
        required=False,
        help_text="Other spellings, one a line, exactly as memos write them (case matters). "
        "Apply the vendor list to all memos afterwards to find them.",
    )

    class Meta:
        model = Vendor
        fields = ["name", "slug", "aliases", "country", "sector"]

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name") or ""
        aliases = [alias for alias in cleaned.get("aliases", []) if alias != name]
        cleaned["aliases"] = aliases
        # A spelling that belongs to two vendors would be counted for whichever matches first.
        taken = {}
        for other_name, other_aliases in Vendor.objects.exclude(pk=self.instance.pk).values_list(
            "name", "aliases"
        ):
            for spelling in [other_name, *(other_aliases or [])]:
                taken[spelling] = other_name
        clashes = [f"“{s}” belongs to {taken[s]}" for s in [name, *aliases] if s in taken]
        if clashes:
            self.add_error("aliases", "; ".join(clashes) + ". Merge the vendors instead.")
        return cleaned


class MentionForm(forms.ModelForm):
    """A mention an editor touched is theirs: confirmed, unless they rejected it.

    Choosing "Not reviewed" on purpose hands the mention back to extraction, which may then
    rewrite or remove it.
    """

    class Meta:
        model = Mention
        fields = ["country", "vendor", "count", "context", "verdict"]
        field_classes = {"context": MultilineTextField}

    def clean(self):
        cleaned = super().clean()
        if "country" in self.fields and "vendor" in self.fields:
            self.check_subject(cleaned.get("country"), cleaned.get("vendor"))
        if self.has_changed():
            chosen = cleaned.get("verdict", Mention.AUTO)
            if chosen == Mention.REJECTED:
                cleaned["verdict"] = Mention.REJECTED
            elif chosen == Mention.AUTO and "verdict" in self.changed_data:
                cleaned["verdict"] = Mention.AUTO
            else:
                cleaned["verdict"] = Mention.CONFIRMED
            # The verdict may not be a form field (the "add a missed mention" rows).
            self.instance.verdict = cleaned["verdict"]
        return cleaned

    def check_subject(self, country, vendor) -> None:
        if bool(country) == bool(vendor):
            raise ValidationError("A mention names either a country or a vendor, not both or neither.")
        # The unique constraints are conditional, which model validation skips for inline rows
        # (the memo is not a plain form field there), so check here rather than fail on save.
        memo_id = self.instance.memo_id
        if memo_id is None and self.cleaned_data.get("memo"):
            memo_id = self.cleaned_data["memo"].pk
        subject = {"country": country} if country else {"vendor": vendor}
        taken = Mention.objects.filter(memo_id=memo_id, **subject).exclude(pk=self.instance.pk)
        if memo_id is not None and taken.exists():
            raise ValidationError(
                f"This memo already has a mention of {country or vendor}; edit that one instead."
            )


class MemoAdminForm(forms.ModelForm):
    kept_fields = forms.MultipleChoiceField(
        choices=KEPT_FIELD_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Kept on re-import",
        help_text="Fields edited by hand; imports leave them alone. Editing a field ticks it; "
        "untick one to let the next import of the page overwrite it.",
    )

    # The memo's text, kept in its MemoText row: form fields of their own, edited as the memo's.
    body_html, body_text, bio = (
        MemoText._meta.get_field(name).formfield(form_class=MultilineTextField)
        for name in MemoText.TEXT_FIELDS
    )

    class Meta:
        model = Memo
        fields = [
            "title", "slug", "is_published", "published", "memo_number", "series", "category",
            "language", "pdf_url", "summary",
        ]  # fmt: skip
        field_classes = {"summary": MultilineTextField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kept_fields"].initial = list(self.instance.edited_fields or [])
        for name in MemoText.TEXT_FIELDS:
            self.initial.setdefault(name, getattr(self.instance, name))

    def _post_clean(self):
        super()._post_clean()
        for name in MemoText.TEXT_FIELDS:
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])

    def clean_body_html(self):
        # The public page renders this HTML as is: an editor's markup goes through the same
        # sanitizer as an imported page's.
        html = self.cleaned_data["body_html"]
        return clean_html(html) if "body_html" in self.changed_data else html


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        # An empty page is reported as a failed import, like any other bad page.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        items = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not items:
            clean_one(None, initial)  # "This field is required."
            return []
        return [clean_one(item, initial) for item in items]


class UploadForm(forms.Form):
    pages = MultipleFileField(
        label="Pages",
        help_text="Saved memo pages, HTML or text; the format is read from the content.",
    )
