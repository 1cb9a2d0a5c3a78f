FROM centos:7
RUN LANG=C yum install httpd
