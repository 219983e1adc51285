from django.urls import path

from guides.editorial import reports

app_name = "editorial_reports"


def report(route, view, name):
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *report("coverage/", reports.CoverageReportView, "coverage"),
    path("coverage/<int:page_id>/", reports.CoverageGuideView.as_view(), name="coverage_guide"),
    *report("readability/", reports.ReadabilityReportView, "readability"),
    *report("links/", reports.LinkReportView, "links"),
    *report("review/", reports.ReviewReportView, "review"),
]
