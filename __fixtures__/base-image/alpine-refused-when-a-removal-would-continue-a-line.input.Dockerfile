# expect: cannot be taken out: the command before it ends in an escaped blank
FROM python:3.12
RUN echo hi\ && apt-get update
ENV A=1
RUN apt-get install -y curl
CMD ["python", "app.py"]
