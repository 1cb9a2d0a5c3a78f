FROM centos:7
RUN yes | yum install httpd && yum clean all && rm -rf /var/cache/yum
