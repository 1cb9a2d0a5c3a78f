# expect-none
FROM python:3.12
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
CMD ["python", "app.py"]
