FROM centos:7
RUN yum install --setopt=tsflags=nodocs -y httpd && yum clean all && rm -rf /var/cache/yum
