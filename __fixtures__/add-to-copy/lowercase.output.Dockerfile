from alpine
copy app.py /srv/
