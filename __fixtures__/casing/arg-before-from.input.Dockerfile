arg VERSION=3.20
from alpine:${VERSION}
