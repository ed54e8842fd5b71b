from webapp.teacher import verifier_page

verifier_page()
