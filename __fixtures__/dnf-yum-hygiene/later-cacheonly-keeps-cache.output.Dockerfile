# expect: installs from the cache only
FROM centos:7
RUN yum makecache
RUN yum -C install -y httpd && yum clean all && rm -rf /var/cache/yum
