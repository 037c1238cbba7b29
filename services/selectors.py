"""Reads of the service catalogue. Every list is built here once, with its related rows."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Category, FeeItem, Requirement, Service, ServiceStandard, SopStep


@dataclass(frozen=True)
class CatalogueFilters:
    q: str = ""
    agency: str = ""  # agency slug
    category: str = ""  # category slug
    permits_only: bool = False


def _in_force_prefetch(*, full: bool) -> Prefetch:
    standards = ServiceStandard.objects.filter(status=ServiceStandard.Status.IN_FORCE)
    if full:
        standards = standards.prefetch_related(
            Prefetch("requirements", queryset=Requirement.objects.order_by("order", "id")),
            Prefetch("steps", queryset=SopStep.objects.order_by("order", "id")),
            Prefetch("fee_items", queryset=FeeItem.objects.order_by("order", "id")),
        )
    else:
        standards = standards.prefetch_related(
            Prefetch("fee_items", queryset=FeeItem.objects.order_by("order", "id"))
        )
    return Prefetch("standards", queryset=standards, to_attr="in_force_standards")


def in_force_standard(service: Service) -> ServiceStandard | None:
    """The standard in force of a service loaded by one of the selectors below."""
    prefetched = getattr(service, "in_force_standards", None)
    if prefetched is not None:
        return prefetched[0] if prefetched else None
    return (
        service.standards.filter(status=ServiceStandard.Status.IN_FORCE)
        .prefetch_related("requirements", "steps", "fee_items")
        .first()
    )


def _search(queryset: QuerySet[Service], q: str) -> QuerySet[Service]:
    words = q.split()
    if not words:
        return queryset
    if settings.IS_POSTGRES:
        from django.contrib.postgres.search import SearchQuery, SearchVector, TrigramWordSimilarity

        # Indonesian stemming (PostgreSQL's "indonesian" snowball config) matches "perizinan" to
        # "izin"; trigram word similarity on the name forgives typos such as "pasport".
        vector = (
            SearchVector("name", config="indonesian", weight="A")
            + SearchVector("keywords", config="indonesian", weight="A")
            + SearchVector("code", config="simple", weight="A")
            + SearchVector("agency__short_name", config="simple", weight="B")
            + SearchVector("description", config="indonesian", weight="C")
        )
        query = SearchQuery(q, config="indonesian", search_type="websearch")
        queryset = queryset.annotate(search=vector, name_similarity=TrigramWordSimilarity(q, "name")).filter(
            Q(search=query) | Q(name_similarity__gt=0.45)
        )
        return queryset
    # SQLite fallback: every word must appear in the name, code, keywords, description or agency.
    for word in words:
        queryset = queryset.filter(
            Q(name__icontains=word)
            | Q(name_en__icontains=word)
            | Q(code__icontains=word)
            | Q(keywords__icontains=word)
            | Q(description__icontains=word)
            | Q(agency__short_name__icontains=word)
        )
    return queryset


def catalogue_list(*, filters: CatalogueFilters = CatalogueFilters()) -> QuerySet[Service]:
    """Active services with agency, category and the standard in force (time limit, fees).

    A constant number of queries whatever the number of services: one for the services with their
    agency and category, one for the standards in force, one for their fee lines.
    """
    queryset = (
        Service.objects.filter(is_active=True, agency__is_active=True)
        .select_related("agency", "category")
        .prefetch_related(_in_force_prefetch(full=False))
    )
    if filters.agency:
        queryset = queryset.filter(agency__slug=filters.agency)
    if filters.category:
        queryset = queryset.filter(category__slug=filters.category)
    if filters.permits_only:
        queryset = queryset.filter(is_permit=True)
    queryset = _search(queryset, filters.q.strip())
    return queryset.order_by("name", "id")


def service_detail(*, code: str) -> Service:
    """One active service with its standard in force, requirements, steps and fees (or DoesNotExist)."""
    return (
        Service.objects.filter(is_active=True, agency__is_active=True)
        .select_related("agency", "category")
        .prefetch_related(_in_force_prefetch(full=True))
        .get(code=code)
    )


def service_standard_versions(*, service: Service) -> QuerySet[ServiceStandard]:
    """Every published version of a service, newest first (drafts are not public)."""
    return service.standards.exclude(status=ServiceStandard.Status.DRAFT).order_by("-version")


def category_list(*, with_counts: bool = False) -> QuerySet[Category]:
    """Categories in their display order; with_counts adds service_count (active services of
    active agencies), in the same single query."""
    categories = Category.objects.order_by("order", "name")
    if with_counts:
        categories = categories.annotate(
            service_count=Count(
                "services", filter=Q(services__is_active=True, services__agency__is_active=True)
            )
        )
    return categories
