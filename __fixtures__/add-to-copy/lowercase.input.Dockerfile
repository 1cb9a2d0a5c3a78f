from alpine
add app.py /srv/
