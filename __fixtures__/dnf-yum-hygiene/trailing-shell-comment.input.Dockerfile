# expect: shell comment
FROM centos:7
RUN yum install -y httpd # the web server
