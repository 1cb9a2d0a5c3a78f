FROM centos:7
RUN yum -y install httpd && yum clean all && rm -rf /var/cache/yum
