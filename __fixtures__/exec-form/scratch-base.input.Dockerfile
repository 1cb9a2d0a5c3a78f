FROM scratch
COPY app /app
CMD /app --config /etc/app.yaml
