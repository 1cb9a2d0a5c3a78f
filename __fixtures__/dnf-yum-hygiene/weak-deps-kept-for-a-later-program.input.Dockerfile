# expect: --setopt=install_weak_deps=False not added to `dnf install`: a later command runs ssh
FROM fedora:40
RUN dnf install -y git && dnf clean all && rm -rf /var/cache/dnf
RUN git clone git@example.com:team/app.git /app
