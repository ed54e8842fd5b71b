from webapp.student import progress_page

progress_page()
