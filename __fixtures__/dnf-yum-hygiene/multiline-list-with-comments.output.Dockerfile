FROM centos:7
RUN yum install -y \
        # web server
        httpd \
        # tools
        git && \
        yum clean all && rm -rf /var/cache/yum
