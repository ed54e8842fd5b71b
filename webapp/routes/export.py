from webapp.teacher import export_page

export_page()
