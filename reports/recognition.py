"""Officer recognition: the monthly ranking, best officer per agency, repeated breaches.

Formula (shown on the page): score = 0.7 x on-time rate + 0.3 x volume share, where the volume
share is the officer's decisions over the busiest qualifying officer's of the same agency; with
the satisfaction survey (surveys.reporting sets ``officer_satisfaction``), an officer with survey
responses that month on applications assigned to them scores 0.5 x on-time + 0.2 x volume share
+ 0.3 x IKM; one without responses keeps the first formula.
Only officers with at least ``MPP_RANKING_MIN_VOLUME`` measured decisions in the month qualify.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from . import metrics, selectors
from .selectors import Period

# The satisfaction provider (surveys.reporting.officers_ikm, set in SurveysConfig.ready()): a callable
# (officer_ids, period) -> {officer_id: ikm}; None leaves satisfaction out of the score.
officer_satisfaction = None


@dataclass
class RankedOfficer:
    officer: object
    agency_id: int
    decided: int
    measured: int
    on_time: int
    late: int
    overdue: int
    on_time_rate: float | None
    ikm: float | None
    score: float | None
    qualifies: bool
    rank: int | None = None
    best_of_agency: bool = False


def ranking(
    *, period: Period, agency_id: int | None = None, now: datetime | None = None
) -> list[RankedOfficer]:
    rows = selectors.officer_month(period=period, agency_id=agency_id, now=now)
    minimum = settings.MPP_RANKING_MIN_VOLUME
    ikm = officer_satisfaction([r["officer_id"] for r in rows], period) if officer_satisfaction else {}
    top_volume: dict[int, int] = {}
    for row in rows:
        if row["measured"] >= minimum:
            top_volume[row["agency_id"]] = max(top_volume.get(row["agency_id"], 0), row["decided"])
    ranked = []
    for row in rows:
        qualifies = row["measured"] >= minimum
        rate = metrics.percent(row["on_time"], row["measured"])
        score = (
            metrics.officer_score(
                on_time_rate=rate,
                volume=row["decided"],
                top_volume=top_volume.get(row["agency_id"], 0),
                ikm=ikm.get(row["officer_id"]),
            )
            if qualifies
            else None
        )
        ranked.append(
            RankedOfficer(
                officer=row["officer"],
                agency_id=row["agency_id"],
                decided=row["decided"],
                measured=row["measured"],
                on_time=row["on_time"],
                late=row["late"],
                overdue=row["overdue"],
                on_time_rate=rate,
                ikm=ikm.get(row["officer_id"]),
                score=score,
                qualifies=qualifies,
            )
        )
    ranked.sort(key=lambda r: (not r.qualifies, -(r.score or 0), -r.decided, str(r.officer)))
    best_seen: set[int] = set()
    for position, entry in enumerate((r for r in ranked if r.qualifies), start=1):
        entry.rank = position
        if entry.agency_id not in best_seen:
            entry.best_of_agency = True
            best_seen.add(entry.agency_id)
    return ranked


def repeated_breaches(ranked: list[RankedOfficer]) -> list[RankedOfficer]:
    """Officers whose late decisions this month plus applications overdue now reach the threshold."""
    threshold = settings.MPP_BREACH_REPEAT
    found = [r for r in ranked if r.late + r.overdue >= threshold]
    return sorted(found, key=lambda r: (-(r.late + r.overdue), str(r.officer)))
