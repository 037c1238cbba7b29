app_name = "permits_staff"
urlpatterns: list = []
