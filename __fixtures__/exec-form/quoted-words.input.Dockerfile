FROM python:3.12
CMD python -c "print('hi there')" 'single quoted'
