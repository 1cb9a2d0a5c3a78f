# expect-none
FROM opensuse/leap:15.5
# hadolint ignore=DL3036
RUN zypper in curl
