# expect: not proposed for .dockerignore, as they would keep nothing out: .git (nothing in the context matches), **/node_modules (nothing in the context matches, and this is not a Node build)
FROM python:3.12-slim
WORKDIR /srv
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY app/ ./app/
CMD ["python", "-m", "app"]
