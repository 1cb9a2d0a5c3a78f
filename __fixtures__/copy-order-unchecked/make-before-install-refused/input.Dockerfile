# expect: `make deps` runs before the install in the same RUN and may need the source
FROM python:3.12
WORKDIR /app
COPY . .
RUN make deps && pip install -r requirements.txt
