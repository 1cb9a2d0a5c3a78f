FROM centos:7
RUN yum groupinstall "Development Tools"
