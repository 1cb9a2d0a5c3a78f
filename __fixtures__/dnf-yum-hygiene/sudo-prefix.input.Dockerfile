FROM centos:7
USER app
RUN sudo yum install -y httpd
