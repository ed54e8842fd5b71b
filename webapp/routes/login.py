from webapp.common import login_page

login_page()
