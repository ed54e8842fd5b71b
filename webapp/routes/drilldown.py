from webapp.teacher import drilldown_page

drilldown_page()
