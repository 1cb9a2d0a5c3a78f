FROM centos:7
RUN yum groupinstall -y "Development Tools" && yum clean all && rm -rf /var/cache/yum
