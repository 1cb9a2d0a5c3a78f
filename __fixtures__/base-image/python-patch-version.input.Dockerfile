FROM python:3.11.9
CMD ["python", "-c", "print(1)"]
