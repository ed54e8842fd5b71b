from webapp.teacher import class_page

class_page()
