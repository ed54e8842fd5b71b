from webapp.parent import children_page

children_page()
