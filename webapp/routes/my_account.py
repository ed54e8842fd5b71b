from webapp.student import account_page

account_page()
