"""Public consultation: a citizen asks about a service; an officer of its agency answers and may
publish the answer as the service's FAQ."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import citizen_required, is_agency_staff, user_passes_role_test
from mpp.errors import DomainError
from services.models import Service

from . import selectors, services
from .forms import QuestionAnswerForm, QuestionForm

agency_staff_required = user_passes_role_test(is_agency_staff)


@citizen_required
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest, code: str) -> HttpResponse:
    service = get_object_or_404(Service.objects.select_related("agency"), code=code, is_active=True)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_ask(service=service, asker=request.user, question=form.cleaned_data["question"])
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Pertanyaan Anda terkirim ke %(agency)s.") % {"agency": service.agency.name}
            )
            return redirect("consultation:mine")
    return render(request, "complaints/consultation_ask.html", {"form": form, "service": service})


@citizen_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request, "complaints/consultation_mine.html", {"questions": selectors.questions_of(request.user)}
    )


@agency_staff_required
def staff_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "complaints/consultation_staff.html",
        {"questions": selectors.questions_for_staff(request.user)[:100], "form": QuestionAnswerForm()},
    )


@agency_staff_required
@require_POST
def staff_answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.questions_for_staff(request.user).filter(pk=pk).first()
    if question is None:
        raise Http404
    try:
        services.question_answer(
            question=question,
            actor=request.user,
            answer=request.POST.get("answer", ""),
            publish=request.POST.get("publish") == "on",
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Jawaban terkirim."))
    return redirect("consultation:staff")
