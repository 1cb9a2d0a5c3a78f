# expect: does not show which Poetry
FROM acidrain/python-poetry:3.9
RUN poetry install --no-root
