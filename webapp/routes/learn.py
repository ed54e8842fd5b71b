from webapp.student import learn_page

learn_page()
