"""The one table of allowed status changes (permits.transitions), checked against the list in
issue 4, pair by pair, and the message a refused change gives."""

import itertools

import pytest

from mpp.errors import DomainError
from permits.transitions import (
    TERMINAL_STATUSES,
    TRANSITIONS,
    ApplicationStatus,
    TransitionNotAllowed,
    ensure_transition,
)

ALL = [s.value for s in ApplicationStatus]
EXPECTED_ALLOWED = {
    ("draft", "submitted"),
    ("draft", "withdrawn"),
    ("submitted", "in_process"),
    ("submitted", "returned"),
    ("submitted", "rejected"),
    ("submitted", "withdrawn"),
    ("returned", "submitted"),
    ("returned", "in_process"),
    ("returned", "withdrawn"),
    ("returned", "lapsed"),
    ("in_process", "returned"),
    ("in_process", "approved"),
    ("in_process", "rejected"),
    ("in_process", "withdrawn"),
    ("approved", "issued"),
}


def test_the_table_lists_every_status():
    assert set(TRANSITIONS) == set(ALL)


@pytest.mark.parametrize(("current", "target"), sorted(EXPECTED_ALLOWED))
def test_allowed_changes_pass(current, target):
    ensure_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [pair for pair in itertools.product(ALL, ALL) if pair not in EXPECTED_ALLOWED],
)
def test_every_other_change_is_refused(current, target):
    with pytest.raises(TransitionNotAllowed) as refused:
        ensure_transition(current, target)
    assert isinstance(refused.value, DomainError)
    assert refused.value.status_code == 409
    assert refused.value.message.startswith(f"Permohonan berstatus '{ApplicationStatus(current).label}'")


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        ("returned", "approved", "Permohonan berstatus 'Dikembalikan' tidak dapat disetujui."),
        ("draft", "in_process", "Permohonan berstatus 'Draf' tidak dapat diproses."),
        ("in_process", "issued", "Permohonan berstatus 'Diproses' tidak dapat diterbitkan."),
        ("issued", "withdrawn", "Permohonan berstatus 'Diterbitkan' tidak dapat dibatalkan."),
        ("rejected", "submitted", "Permohonan berstatus 'Ditolak' tidak dapat diajukan."),
        ("approved", "rejected", "Permohonan berstatus 'Disetujui' tidak dapat ditolak."),
        ("submitted", "lapsed", "Permohonan berstatus 'Diajukan' tidak dapat dinyatakan kedaluwarsa."),
    ],
)
def test_refusal_message_names_the_status_and_the_action(current, target, message):
    with pytest.raises(TransitionNotAllowed, match=message):
        ensure_transition(current, target)


def test_terminal_statuses_lead_nowhere():
    assert {"rejected", "issued", "withdrawn", "lapsed"} == TERMINAL_STATUSES
