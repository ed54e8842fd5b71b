from webapp.student import today_page

today_page()
