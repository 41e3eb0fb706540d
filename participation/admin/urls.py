"""Admin-only URLs of the participation app, below /admin/participation/."""

from django.urls import path

from . import exports, statements, workspace

app_name = "participation_admin"
urlpatterns = [
    path("procedures/<int:pk>/", workspace.WorkspaceView.as_view(), name="workspace"),
    path("exports/", exports.ExportIndexView.as_view(), name="exports"),
    *(
        path(
            f"exports/<int:pk>/{format}/",
            exports.ExportView.as_view(),
            {"format": format},
            name=f"export_{format}",
        )
        for format in exports.FORMATS
    ),
    path(
        "exports/<int:pk>/statements/csv/",
        exports.StatementExportView.as_view(),
        name="statements_csv",
    ),
    path(
        "statement-attachments/<int:pk>/",
        statements.StatementAttachmentView.as_view(),
        name="statement_attachment",
    ),
]
