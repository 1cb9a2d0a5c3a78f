# expect: runs only under a condition
FROM opensuse/leap:15.5
RUN if command -v zypper; then zypper -n in curl; fi
