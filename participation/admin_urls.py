"""Admin-only URLs of the participation app, below /admin/participation/."""

from django.urls import path

from . import views_admin

app_name = "participation_admin"
urlpatterns = [
    path("exports/", views_admin.ExportIndexView.as_view(), name="exports"),
    *(
        path(
            f"exports/<int:pk>/{format}/",
            views_admin.ExportView.as_view(),
            {"format": format},
            name=f"export_{format}",
        )
        for format in views_admin.FORMATS
    ),
    path(
        "statement-attachments/<int:pk>/",
        views_admin.StatementAttachmentView.as_view(),
        name="statement_attachment",
    ),
]
