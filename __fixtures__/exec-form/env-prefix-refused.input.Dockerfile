# expect: it sets a variable for the command
FROM python:3.12
CMD PYTHONUNBUFFERED=1 python app.py
