FROM centos:7
USER app
RUN sudo yum install -y httpd && sudo yum clean all && sudo rm -rf /var/cache/yum
