from webapp.parent import link_child_page

link_child_page()
