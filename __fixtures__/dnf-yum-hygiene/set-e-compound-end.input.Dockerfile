# expect: relies on -e
FROM fedora:39
RUN set -e; dnf install -y git; for f in a b; do touch $f; done
