# expect: it uses shell syntax (`&&`, `||` or `;`)
FROM python:3.12
CMD python migrate.py && python app.py
