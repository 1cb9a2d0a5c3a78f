# expect-none
FROM python:3.12-slim
RUN pip download -d /wheels flask && pip uninstall -y setuptools
