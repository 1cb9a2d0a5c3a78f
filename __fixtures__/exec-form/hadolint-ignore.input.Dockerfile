# expect-none
FROM python:3.12
# hadolint ignore=DL3025
CMD python app.py
