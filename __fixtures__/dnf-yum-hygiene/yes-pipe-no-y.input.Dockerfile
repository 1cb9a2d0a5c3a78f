FROM centos:7
RUN yes | yum install httpd
