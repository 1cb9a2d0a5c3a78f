# expect: runs only under a condition
FROM centos:7
RUN if [ -f /etc/redhat-release ]; then yum install -y httpd; fi
