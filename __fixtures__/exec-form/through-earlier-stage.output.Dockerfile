FROM python:3.12-slim AS base
RUN pip install flask
FROM base
CMD ["flask", "run"]
