from webapp.student import practice_page

practice_page()
