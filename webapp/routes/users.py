from webapp.admin import users_page

users_page()
