"""The demo catalogue is plain data: check its shape and consistency without a database."""

import datetime as dt
import re
from collections import Counter

import pytest

from services.demo_data.agencies import AGENCIES
from services.demo_data.catalogue import CATEGORIES, SERVICES

AGENCY_KINDS = {"perangkat_daerah", "instansi_vertikal", "bumn_bumd"}
ROLES = {"front_office", "officer", "technical_team", "supervisor", "head"}
FILE_KINDS = {"pdf", "jpeg", "png"}
INTERNAL_COMPONENTS = {
    "facilities",
    "competence",
    "internal_supervision",
    "staffing",
    "service_guarantee",
    "security_guarantee",
    "performance_evaluation",
    "complaint_handling",
}
CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
PLACEHOLDER = re.compile(r"lorem|ipsum|todo|tbd|fixme|xxx|placeholder", re.IGNORECASE)

AGENCY_SLUGS = {agency["slug"] for agency in AGENCIES}
CATEGORY_SLUGS = {slug for slug, _, _ in CATEGORIES}
BY_CODE = {service["code"]: service for service in SERVICES}


def _texts(value):
    """Every string inside a nested structure of dicts, lists and tuples."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


# ---------------------------------------------------------------------------- agencies
def test_there_are_22_agencies_of_which_12_are_perangkat_daerah():
    kinds = Counter(agency["kind"] for agency in AGENCIES)
    assert len(AGENCIES) == 22
    assert kinds["perangkat_daerah"] == 12
    assert kinds["instansi_vertikal"] + kinds["bumn_bumd"] == 10
    assert set(kinds) <= AGENCY_KINDS


def test_agency_slugs_and_names_are_unique():
    assert len(AGENCY_SLUGS) == len(AGENCIES)
    assert len({agency["name"] for agency in AGENCIES}) == len(AGENCIES)


@pytest.mark.parametrize("agency", AGENCIES, ids=lambda agency: agency["slug"])
def test_agency_fields_fit_the_model(agency):
    assert SLUG.match(agency["slug"]) and len(agency["slug"]) <= 60
    assert 0 < len(agency["name"]) <= 200
    assert 0 < len(agency["short_name"]) <= 50
    assert agency["description"] and agency["opening_notes"]
    assert 0 < len(agency["address"]) <= 255
    assert agency["phone"].startswith("(0") and len(agency["phone"]) <= 50
    assert EMAIL.match(agency["email"])
    assert 1 <= len(agency["counters"]) <= 4
    assert len(set(agency["counters"])) == len(agency["counters"])


@pytest.mark.parametrize("agency", AGENCIES, ids=lambda agency: agency["slug"])
def test_agency_defaults_hold_the_internal_components(agency):
    defaults = agency["defaults"]
    assert set(defaults) == INTERNAL_COMPONENTS
    assert all(isinstance(text, str) and len(text) > 20 for text in defaults.values())
    assert "lapor.go.id" in defaults["complaint_handling"]


def test_counter_labels_are_unique_within_the_mall():
    labels = [label for agency in AGENCIES for label in agency["counters"]]
    assert len(labels) == len(set(labels))


# ---------------------------------------------------------------------------- categories
def test_categories_are_unique_and_all_used():
    assert len(CATEGORY_SLUGS) == len(CATEGORIES)
    for slug, name, name_en in CATEGORIES:
        assert SLUG.match(slug) and len(slug) <= 60
        assert 0 < len(name) <= 120 and 0 < len(name_en) <= 120
    assert {service["category"] for service in SERVICES} == CATEGORY_SLUGS


# ---------------------------------------------------------------------------- services
def test_there_are_at_least_150_services_with_unique_codes():
    assert len(SERVICES) >= 150
    assert len(BY_CODE) == len(SERVICES)


def test_every_agency_has_at_least_two_services():
    counts = Counter(service["agency"] for service in SERVICES)
    assert {slug: counts[slug] for slug in AGENCY_SLUGS if counts[slug] < 2} == {}
    assert counts["dpmptsp"] >= 20 and counts["dispendukcapil"] >= 10


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service["code"])
def test_service_fields_fit_the_model(service):
    assert CODE.match(service["code"]) and len(service["code"]) <= 20
    assert service["agency"] in AGENCY_SLUGS
    assert service["category"] in CATEGORY_SLUGS
    assert 0 < len(service["name"]) <= 200 and 0 < len(service["name_en"]) <= 200
    assert service["description"] and 0 < len(service["keywords"]) <= 255
    assert isinstance(service["is_permit"], bool) and isinstance(service["completed_at_mpp"], bool)


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service["code"])
def test_standard_is_complete_and_consistent(service):
    standard = service["standard"]
    assert 0 < len(standard["decree_number"]) <= 200
    decided = dt.date.fromisoformat(standard["decree_date"])
    assert dt.date.fromisoformat(standard["effective_from"]) >= decided
    for key in ("product", "procedure", "complaint_handling", "legal_basis"):
        assert standard[key].strip(), key
    extra = set(standard) - {
        "decree_number",
        "decree_date",
        "effective_from",
        "time_limit_days",
        "fee_kind",
        "fees",
        "levy_formula",
        "levy_description",
        "product",
        "procedure",
        "complaint_handling",
        "legal_basis",
        "requirements",
        "steps",
    }
    assert extra <= INTERNAL_COMPONENTS


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service["code"])
def test_sop_steps_add_up_to_the_time_limit(service):
    standard = service["standard"]
    steps = standard["steps"]
    assert isinstance(standard["time_limit_days"], int) and standard["time_limit_days"] >= 1
    assert 3 <= len(steps) <= 7
    assert sum(step["days"] for step in steps) == standard["time_limit_days"]
    assert any(step["days"] > 0 for step in steps)
    for step in steps:
        assert step["role"] in ROLES
        assert isinstance(step["days"], int) and step["days"] >= 0
        assert 0 < len(step["name"]) <= 255


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service["code"])
def test_requirements_are_valid(service):
    requirements = service["standard"]["requirements"]
    assert 2 <= len(requirements) <= 8
    for row in requirements:
        assert 0 < len(row["name"]) <= 255 and row["description"]
        assert isinstance(row["mandatory"], bool)
        assert row["kinds"] and set(row["kinds"]) <= FILE_KINDS


@pytest.mark.parametrize("service", SERVICES, ids=lambda service: service["code"])
def test_fee_kind_is_consistent(service):
    standard = service["standard"]
    kind, fees = standard["fee_kind"], standard["fees"]
    assert kind in {"free", "fixed", "levy"}
    if kind == "fixed":
        assert fees
        for label, amount in fees:
            assert 0 < len(label) <= 200
            assert isinstance(amount, int) and amount >= 0
        assert any(amount > 0 for _, amount in fees)
    else:
        assert fees == []
    if kind == "levy":
        assert standard["levy_formula"] in {"pbg", "reklame", "other"}
        assert standard["levy_description"]
    else:
        assert standard["levy_formula"] == "" and standard["levy_description"] == ""


def test_no_placeholder_text():
    offenders = [text for text in _texts([AGENCIES, CATEGORIES, SERVICES]) if PLACEHOLDER.search(text)]
    assert offenders == []


# ---------------------------------------------------------------------------- anchors from DOMAIN.md
@pytest.mark.parametrize(
    ("code", "days", "fees"),
    [
        ("SKCK", 1, [30000]),
        ("PASPOR-5TH", 4, [350000]),
        ("PASPOR-10TH", 4, [650000]),
        ("EPASPOR-5TH", 4, [650000]),
        ("EPASPOR-10TH", 4, [950000]),
    ],
)
def test_real_tariffs_and_time_limits(code, days, fees):
    standard = BY_CODE[code]["standard"]
    assert standard["time_limit_days"] == days
    assert standard["fee_kind"] == "fixed"
    assert [amount for _, amount in standard["fees"]] == fees


def test_local_licences_follow_the_published_standards():
    assert BY_CODE["SIP-DOKTER"]["standard"]["time_limit_days"] == 9
    assert BY_CODE["SIP-DOKTER"]["standard"]["fee_kind"] == "free"
    assert BY_CODE["INFO-TATA-RUANG"]["standard"]["time_limit_days"] == 7
    reklame = BY_CODE["IZIN-REKLAME"]["standard"]
    assert (reklame["time_limit_days"], reklame["levy_formula"]) == (5, "reklame")
    assert BY_CODE["PBG-HUNIAN"]["standard"]["levy_formula"] == "pbg"
    for code in ("KTP-EL", "KK-BARU", "AKTA-LAHIR"):
        assert BY_CODE[code]["standard"]["fee_kind"] == "free"
        assert 1 <= BY_CODE[code]["standard"]["time_limit_days"] <= 3


def test_some_services_are_only_received_at_the_mall():
    assert any(not service["completed_at_mpp"] for service in SERVICES)
    assert any(service["is_permit"] for service in SERVICES)
    assert any(not service["is_permit"] for service in SERVICES)
