"""The tutor's web app (placeholder until the web-app issue lands)."""

import streamlit as st

st.set_page_config(page_title="tutor", page_icon="🧮")
st.title("tutor")
st.write("A personalized, verified, local AI math tutor. The full app is on its way.")
