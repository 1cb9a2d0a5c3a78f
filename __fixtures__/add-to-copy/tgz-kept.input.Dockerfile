# expect: is named like an archive ADD unpacks
FROM alpine
ADD vendor.tgz /opt/
