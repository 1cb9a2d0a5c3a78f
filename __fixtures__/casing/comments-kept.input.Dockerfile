# build stage
from alpine as Base
# run things
run true
