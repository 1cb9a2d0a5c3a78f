# expect-none
FROM python:3.12
ONBUILD CMD python app.py
