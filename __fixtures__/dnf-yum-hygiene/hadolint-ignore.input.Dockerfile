# expect-none
FROM centos:7
# hadolint ignore=DL3032
RUN yum install httpd
