from django.urls import path

from guides.signoff import views

app_name = "signoff"
urlpatterns = [
    path("", views.SignOffIndexView.as_view(), name="index"),
    path("runde/<int:task_state_id>/", views.ReviewView.as_view(), name="review"),
    path("afgoerelse/<int:request_id>/", views.DecideView.as_view(), name="decide"),
    path("noedudgivelse/<int:page_id>/", views.EmergencyPublishView.as_view(), name="emergency"),
    path("log/", views.SignOffLogView.as_view(), name="log"),
    path("log/results/", views.SignOffLogView.as_view(results_only=True), name="log_results"),
]
