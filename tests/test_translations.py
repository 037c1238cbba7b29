"""The English translation: the committed catalogue is complete and compiled, and the pages use it.

Indonesian is the source language; locale/en/LC_MESSAGES/django.po holds the English text and
django.mo is its compiled form, which Django actually reads. A .po edited without recompiling, or a
new string left untranslated, shows Indonesian text to an English reader.
"""

import ast
import gettext
import html as html_lib
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import MppProfileFactory, ServiceStandardFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_PATH = LOCALE_DIR / "django.po"
MO_PATH = LOCALE_DIR / "django.mo"


# --- a small .po reader (the project does not depend on polib) ---------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        """The key the compiled catalogue uses: "context\\x04msgid" or the msgid."""
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def _unquote(token: str) -> str:
    return ast.literal_eval(token)


def read_po(path: Path) -> list[Entry]:
    """Every active entry of a .po file (obsolete "#~" entries and the header are left out)."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int | None] | None = None
    started = False

    def finish():
        nonlocal current, started, target
        if started and current.msgid != "":
            entries.append(current)
        current, started, target = Entry(), False, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#,"):
            current.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, token = match.groups()
            started = True
            value = _unquote(token)
            if keyword == "msgctxt":
                current.msgctxt = value
                target = ("msgctxt", None)
            elif keyword == "msgid":
                current.msgid = value
                target = ("msgid", None)
            elif keyword == "msgid_plural":
                current.msgid_plural = value
                target = ("msgid_plural", None)
            else:
                number = int(index) if index is not None else 0
                current.msgstr[number] = value
                target = ("msgstr", number)
            continue
        if line.startswith('"') and target is not None:
            value = _unquote(line)
            name, number = target
            if name == "msgstr":
                current.msgstr[number] += value
            elif name == "msgid_plural":
                current.msgid_plural += value
            else:
                setattr(current, name, getattr(current, name) + value)
            continue
        raise AssertionError(f"unexpected line in {path.name}: {raw!r}")
    finish()
    return entries


@pytest.fixture(scope="module")
def po_entries() -> list[Entry]:
    assert PO_PATH.exists(), "locale/en/LC_MESSAGES/django.po is missing"
    entries = read_po(PO_PATH)
    assert len(entries) > 100, "the English catalogue looks truncated"
    return entries


# --- the catalogue ------------------------------------------------------------------------------


def test_every_message_has_an_english_translation(po_entries):
    untranslated = [e.msgid for e in po_entries if not e.msgstr or not all(e.msgstr.values())]
    assert untranslated == [], f"{len(untranslated)} untranslated: {untranslated[:10]}"


def test_plural_messages_have_both_english_forms(po_entries):
    plurals = [e for e in po_entries if e.msgid_plural is not None]
    assert plurals, "the catalogue should contain plural messages (e.g. 'N hari kerja')"
    incomplete = [e.msgid for e in plurals if sorted(e.msgstr) != [0, 1] or not all(e.msgstr.values())]
    assert incomplete == []


def test_no_entry_is_left_fuzzy(po_entries):
    """Django ignores fuzzy entries when compiling, so a fuzzy entry shows up in Indonesian."""
    assert [e.msgid for e in po_entries if "fuzzy" in e.flags] == []


_PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|\{\w*\}|%[sdf]")


def test_translations_keep_the_placeholders(po_entries):
    broken = []
    for entry in po_entries:
        sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
        for number, translation in entry.msgstr.items():
            source = sources[min(number, len(sources) - 1)]
            if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation)):
                broken.append((source, translation))
    assert broken == []


def test_translations_keep_the_html_tags(po_entries):
    # Real HTML only: "<nama>" in a help text is a placeholder that is translated like any word.
    tag = re.compile(r"</?(?:a|abbr|b|br|code|em|i|kbd|p|small|span|strong)\b[^>]*>")
    broken = [
        (e.msgid, e.msgstr[0])
        for e in po_entries
        if e.msgid_plural is None and sorted(tag.findall(e.msgid)) != sorted(tag.findall(e.msgstr[0]))
    ]
    assert broken == []


def test_compiled_catalogue_matches_the_po_file(po_entries):
    """django.mo was compiled from the current django.po: every translation reads back the same."""
    assert MO_PATH.exists(), "run: python manage.py compilemessages -l en"
    with MO_PATH.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog
    stale = []
    expected_keys = {""}  # the header
    for entry in po_entries:
        if entry.msgid_plural is None:
            expected_keys.add(entry.key)
            if catalogue.get(entry.key) != entry.msgstr[0]:
                stale.append(entry.msgid)
        else:
            for number, translation in entry.msgstr.items():
                expected_keys.add((entry.key, number))
                if catalogue.get((entry.key, number)) != translation:
                    stale.append(entry.msgid)
    assert stale == [], f"django.mo is out of date for {len(stale)} messages, e.g. {stale[:5]}"
    leftovers = set(catalogue) - expected_keys
    assert leftovers == set(), f"django.mo has messages no longer in django.po, e.g. {list(leftovers)[:5]}"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
def test_po_file_passes_msgfmt_format_checks(tmp_path):
    """msgfmt --check-format: placeholders of every c/python(-brace) format entry are consistent."""
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", str(tmp_path / "check.mo"), str(PO_PATH)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with (tmp_path / "check.mo").open("rb") as fresh, MO_PATH.open("rb") as committed:
        fresh_catalogue = gettext.GNUTranslations(fresh)._catalog
        committed_catalogue = gettext.GNUTranslations(committed)._catalog
    # The header ("") only carries dates that makemessages refreshes on every run.
    fresh_catalogue.pop("", None)
    committed_catalogue.pop("", None)
    assert fresh_catalogue == committed_catalogue, "django.mo is stale: run compilemessages -l en"


# --- the pages ----------------------------------------------------------------------------------


def _main_nav(response) -> str:
    html = response.content.decode()
    match = re.search(r'<nav class="main-nav"[^>]*>(.*?)</nav>', html, flags=re.S)
    assert match, "the header's main navigation is missing"
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))).strip()


def _text(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
def test_home_page_in_english_when_the_language_cookie_says_so(english):
    MppProfileFactory()
    response = english.get("/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    nav = _main_nav(response)
    for word in ("Services", "Agencies", "Log in", "Register"):
        assert word in nav
    for word in ("Layanan", "Instansi", "Masuk", "Daftar"):
        assert word not in nav
    text = _text(response)
    assert "Public services in one place" in text
    assert "Monday" in text and "Senin" not in text
    # The switch offers the way back to Indonesian.
    assert "Bahasa Indonesia" in text


@pytest.mark.django_db
def test_home_page_is_indonesian_by_default(client):
    MppProfileFactory()
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="id">' in response.content.decode()
    nav = _main_nav(response)
    for word in ("Layanan", "Instansi", "Masuk", "Daftar"):
        assert word in nav
    for word in ("Services", "Agencies", "Log in", "Register"):
        assert word not in nav
    text = _text(response)
    assert "Layanan publik dalam satu tempat" in text
    assert "Senin" in text and "Monday" not in text


@pytest.mark.django_db
def test_choosing_english_with_the_language_switch_sticks(client):
    MppProfileFactory()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert "Services" in _main_nav(client.get("/"))


@pytest.mark.django_db
def test_catalogue_fee_and_time_limit_in_english(english):
    MppProfileFactory()
    ServiceStandardFactory(in_force=True, fee_kind="free", time_limit_days=5)
    text = _text(english.get(reverse("services:catalogue")))
    assert "Free of charge" in text
    assert "5 working days" in text
    assert "Gratis" not in text and "hari kerja" not in text
