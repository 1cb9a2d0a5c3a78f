# expect: is not known to run as root
FROM registry.example.com/team/python-base:3
RUN pip install --no-cache-dir -r /tmp/requirements.txt
