FROM centos:7
RUN LANG=C yum install -y httpd && yum clean all && rm -rf /var/cache/yum
