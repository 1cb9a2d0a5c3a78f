FROM python:3.12
RUN git clone https://example.com/repo.git /src
CMD ["python", "/src/main.py"]
