"""The Streamlit web app's page functions, one module per role; ``streamlit_app.py`` routes to them."""
