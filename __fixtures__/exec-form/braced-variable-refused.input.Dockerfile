# expect: expands a variable or command
FROM python:3.12
CMD python "${APP_DIR}/main.py"
