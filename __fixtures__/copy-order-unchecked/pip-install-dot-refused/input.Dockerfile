# expect: `pip install .` installs from the source tree
FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install .
