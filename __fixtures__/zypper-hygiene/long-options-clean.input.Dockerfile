# expect-none
FROM opensuse/leap:15.5
RUN zypper --non-interactive install --no-recommends curl && \
    zypper clean --all
